using WaaS.ServiceDefaults.Security;
using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.Credit.Checks.Checking;
using WaaS.Credit.Checks.Reading;
using WaaS.Credit.Checks.Rechecking;
using WaaS.Credit.Checks.Reviewing;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Credit.Checks;

public static class Config
{
    public static StoreOptions AddCreditChecks(this StoreOptions options)
    {
        options.Projections.Snapshot<CreditCheck>(SnapshotLifecycle.Inline);
        return options;
    }

    public static IBusRegistrationConfigurator AddCreditChecks(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CheckCreditConsumer>();
        bus.AddConsumer<ContractExtendedConsumer>();
        return bus;
    }

    /// <summary>
    /// The distributor and the owning reseller read a check; only the distributor sees the review worklist and decides
    /// a check the policy referred (a credit decision is the distributor's: it carries the risk).
    /// </summary>
    public static IEndpointRouteBuilder MapCreditChecks(this IEndpointRouteBuilder app)
    {
        var credit = app.MapGroup("").WithTags("Credit");
        credit.MapGet("/checks/{contractId:guid}", CreditCheckQueries.Get).For(Party.Distributor | Party.Reseller);
        credit.MapGet("/reviews", CreditCheckQueries.AwaitingReview).ForDistributor();
        credit.MapPost("/checks/{contractId:guid}/review", ReviewCredit.Handle).ForDistributor();
        return app;
    }
}
