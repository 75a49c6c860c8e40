using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.Logistics.Shipments.Cancelling;
using WaaS.Logistics.Shipments.Delivering;
using WaaS.Logistics.Shipments.Dispatching;
using WaaS.Logistics.Shipments.Failing;
using WaaS.Logistics.Shipments.Ordering;
using WaaS.Logistics.Shipments.Reading;

namespace WaaS.Logistics.Shipments;

public static class Config
{
    public static StoreOptions AddShipments(this StoreOptions options)
    {
        options.Projections.Snapshot<Shipment>(SnapshotLifecycle.Inline);
        options.Schema.For<Shipment>().Index(s => s.ContractId);
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
        shipments.MapGet("/", ShipmentQueries.ByContract);
        shipments.MapGet("/{id:guid}", ShipmentQueries.Get);
        shipments.MapPost("/{id:guid}/dispatch", DispatchShipment.Handle);
        shipments.MapPost("/{id:guid}/delivery", DeliverShipment.Handle);
        shipments.MapPost("/{id:guid}/failure", FailShipment.Handle);
        return app;
    }
}
