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
        session.Events.StartStream<Shipment>(shipmentId, new ShipmentOrdered(shipmentId, order.ContractId, order.Customer, order.Items, now, order.DeliverBy));
        outbox.Publish(new ShipmentCreated(shipmentId, order.ContractId, now));
        return Task.CompletedTask;
    }
}

/// <summary>The deal was cancelled before dispatch: its pending shipments are dropped.</summary>
public sealed class CancelShipmentConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CancelShipment>
{
    public async Task Consume(ConsumeContext<CancelShipment> context)
    {
        var pending = await session.Query<Shipment>()
            .Where(s => s.ContractId == context.Message.ContractId && s.Status == ShipmentStatus.Pending)
            .ToListAsync(context.CancellationToken);
        foreach (var shipment in pending)
        {
            session.Events.Append(shipment.Id, new ShipmentCancelled(shipment.Id, context.Message.Reason, clock.GetUtcNow()));
        }
    }
}
