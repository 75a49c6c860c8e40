using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.VendorReporting.SellOuts.Extending;
using WaaS.VendorReporting.SellOuts.Reading;
using WaaS.VendorReporting.SellOuts.Reporting;
using WaaS.ServiceDefaults.Security;

namespace WaaS.VendorReporting.SellOuts;

public static class Config
{
    public static StoreOptions AddSellOuts(this StoreOptions options)
    {
        options.Projections.Snapshot<SellOutReport>(SnapshotLifecycle.Inline);
        return options;
    }

    /// <summary>The consumers' class names name their queues (vendor-reporting-contract-activated, …): keep them.</summary>
    public static IBusRegistrationConfigurator AddSellOuts(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ContractActivatedConsumer>();
        bus.AddConsumer<ContractExtendedConsumer>();
        return bus;
    }

    public static IEndpointRouteBuilder MapSellOuts(this IEndpointRouteBuilder app)
    {
        // The distributor sees all; a reseller its own deals' sell-out; a vendor only its own lines (scoped in the query).
        var sellOuts = app.MapGroup("/sell-outs").WithTags("Sell-out").For(Party.Distributor | Party.Reseller | Party.Vendor);
        sellOuts.MapGet("/{contractId:guid}", SellOutQueries.Get);
        sellOuts.MapGet("/", SellOutQueries.ByVendor);
        return app;
    }
}
