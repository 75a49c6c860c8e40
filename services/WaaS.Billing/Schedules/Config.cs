using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.Billing.Schedules.ClosingEarly;
using WaaS.Billing.Schedules.Creating;
using WaaS.Billing.Schedules.Extending;
using WaaS.Billing.Schedules.Reading;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Billing.Schedules;

public static class Config
{
    public static StoreOptions AddSchedules(this StoreOptions options)
    {
        options.Projections.Snapshot<BillingSchedule>(SnapshotLifecycle.Inline);
        return options;
    }

    /// <summary>The consumers' class names name their queues (billing-contract-activated, …): keep them.</summary>
    public static IBusRegistrationConfigurator AddSchedules(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ContractActivatedConsumer>();
        bus.AddConsumer<ContractExtendedConsumer>();
        bus.AddConsumer<ContractEndedConsumer>();
        return bus;
    }

    public static IEndpointRouteBuilder MapSchedules(this IEndpointRouteBuilder app)
    {
        // The distributor, the reseller's side and the end customer read a schedule, scoped in the query.
        var schedules = app.MapGroup("/schedules").WithTags("Billing");
        schedules.MapGet("/{contractId:guid}", ScheduleQueries.Get).For(Party.ContractReaders);
        return app;
    }
}
