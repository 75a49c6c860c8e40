using JasperFx.Events.Projections;
using Marten;
using WaaS.Accounts.Accounts.Activating;
using WaaS.Accounts.Accounts.Annotating;
using WaaS.Accounts.Accounts.Auditing;
using WaaS.Accounts.Accounts.FilingAgreements;
using WaaS.Accounts.Accounts.Opening;
using WaaS.Accounts.Accounts.Reading;
using WaaS.Accounts.Accounts.Suspending;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Accounts.Accounts;

public static class Config
{
    public static StoreOptions AddAccounts(this StoreOptions options)
    {
        options.Projections.Snapshot<Account>(SnapshotLifecycle.Inline);
        options.Schema.For<Account>().Index(a => a.ParentId);
        return options;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapPost("/", OpenAccount.Handle).For(Party.Operations | Party.ResellerStaff);
        accounts.MapGet("/", AccountQueries.List).For(Party.Anyone);
        accounts.MapGet("/hierarchy", AccountQueries.Hierarchy).For(Party.Anyone);
        accounts.MapGet("/{id:guid}", AccountQueries.Get).For(Party.Anyone);
        accounts.MapGet("/{id:guid}/children", AccountQueries.Children).For(Party.Anyone);
        accounts.MapPost("/{id:guid}/agreement", FileAgreement.Handle).ForDistributor();
        accounts.MapPost("/{id:guid}/activate", ActivateAccount.Handle).For(Party.Operations);
        accounts.MapPost("/{id:guid}/suspend", SuspendAccount.Handle).For(Party.Operations);
        accounts.MapPost("/{id:guid}/annotations", AnnotateAccount.Handle).ForDistributor();
        accounts.MapGet("/{id:guid}/annotations", AnnotateAccount.List).ForDistributor();
        accounts.MapGet("/{id:guid}/audit", AccountAudit.Get).For(Party.Anyone);
        return app;
    }
}
