using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Logistics.Shipments;

public sealed class CreateShipmentConsumer(IDocumentSession session, IOutbox outbox, TimeProvider clock) : IConsumer<CreateShipment>
{
    public Task Consume(ConsumeContext<CreateShipment> context)
    {
        var order = context.Message;
        var shipmentId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        session.Events.StartStream<Shipment>(shipmentId, new ShipmentOrdered(shipmentId, order.ContractId, order.Customer, order.Items, now));
        outbox.Publish(new ShipmentCreated(shipmentId, order.ContractId, now));
        return Task.CompletedTask;
    }
}
