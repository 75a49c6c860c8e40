using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Logistics.Shipments.Ordering;

/// <summary>
/// The deal orders its devices shipped (again after a failed shipment: every order is a new shipment). A redelivered
/// order is dropped by the inbox, so it never makes a second shipment.
/// </summary>
public sealed class CreateShipmentConsumer(TimeProvider clock) : IConsumer<CreateShipment>
{
    public Task Consume(ConsumeContext<CreateShipment> context)
    {
        var shipmentId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        return context.StartAsync<Shipment>(shipmentId, Decide(shipmentId, context.Message, now));
    }

    public static Decision Decide(Guid shipmentId, CreateShipment order, DateTimeOffset now) =>
        Decision.Append(new ShipmentCreated(shipmentId, order.ContractId, order.Customer, order.Items, now, order.DeliverBy, order.ResellerId))
            .AndPublish(new Contracts.ShipmentCreated(shipmentId, order.ContractId, now));
}
