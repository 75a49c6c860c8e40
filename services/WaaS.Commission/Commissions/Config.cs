using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.Commission.Commissions.Extending;
using WaaS.Commission.Commissions.Reading;
using WaaS.Commission.Commissions.Recording;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Commission.Commissions;

public static class Config
{
    public static StoreOptions AddCommissions(this StoreOptions options)
    {
        options.Projections.Snapshot<ResellerCommission>(SnapshotLifecycle.Inline);
        return options;
    }

    public static IBusRegistrationConfigurator AddCommissions(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RecordCommissionConsumer>();
        bus.AddConsumer<ContractExtendedConsumer>();
        return bus;
    }

    /// <summary>
    /// Read only: commission becomes payable through messages from the deal, never through this API. The distributor
    /// (finance pays it, operations follows deals) and the owning reseller's side read it; customers and vendors do not.
    /// </summary>
    public static IEndpointRouteBuilder MapCommissions(this IEndpointRouteBuilder app)
    {
        var commissions = app.MapGroup("/commissions").WithTags("Commission").For(Party.Distributor | Party.Reseller);
        commissions.MapGet("/{contractId:guid}", CommissionQueries.Get);
        commissions.MapGet("/", CommissionQueries.ByReseller);
        return app;
    }
}
