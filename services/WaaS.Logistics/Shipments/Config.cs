using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.Logistics.Shipments.Cancelling;
using WaaS.Logistics.Shipments.Delivering;
using WaaS.Logistics.Shipments.Dispatching;
using WaaS.Logistics.Shipments.Failing;
using WaaS.Logistics.Shipments.Ordering;
using WaaS.Logistics.Shipments.Reading;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Logistics.Shipments;

public static class Config
{
    public static StoreOptions AddShipments(this StoreOptions options)
    {
        options.Projections.Snapshot<Shipment>(SnapshotLifecycle.Inline);
        options.Schema.For<Shipment>().Index(s => s.ContractId).Index(s => s.ResellerId);
        return options;
    }

    /// <summary>The deal saga orders and cancels shipments; the consumer names give the queues their names.</summary>
    public static IBusRegistrationConfigurator AddShipments(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CreateShipmentConsumer>();
        bus.AddConsumer<CancelShipmentConsumer>();
        return bus;
    }

    public static IEndpointRouteBuilder MapShipments(this IEndpointRouteBuilder app)
    {
        var shipments = app.MapGroup("/shipments").WithTags("Shipments");
        // The distributor, the reseller's side and the end customer read (scoped in the query); only the distributor's
        // operations dispatch, confirm delivery (which starts billing) and report a failure.
        shipments.MapGet("/", ShipmentQueries.ByContract).For(Party.ContractReaders);
        shipments.MapGet("/{id:guid}", ShipmentQueries.Get).For(Party.ContractReaders);
        shipments.MapPost("/{id:guid}/dispatch", DispatchShipment.Handle).For(Party.Operations);
        shipments.MapPost("/{id:guid}/delivery", DeliverShipment.Handle).For(Party.Operations);
        shipments.MapPost("/{id:guid}/failure", FailShipment.Handle).For(Party.Operations);
        return app;
    }
}
