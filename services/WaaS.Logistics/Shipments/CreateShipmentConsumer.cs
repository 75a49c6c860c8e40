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
        var shipments = await session.Query<Shipment>()
            .Where(s => s.ContractId == context.Message.ContractId)
            .ToListAsync(context.CancellationToken);
        if (shipments.Count == 0)
        {
            // The order and its cancellation travel on different queues; wait (retry) for the order to land first.
            throw new InvalidOperationException($"No shipment for contract {context.Message.ContractId} yet.");
        }
        foreach (var shipment in shipments.Where(s => s.Status == ShipmentStatus.Pending))
        {
            // Version-checked: a dispatch racing this cancellation makes it retry and find the shipment gone.
            var stream = await session.Events.FetchForWriting<Shipment>(shipment.Id, context.CancellationToken);
            if (stream.Aggregate?.Status == ShipmentStatus.Pending)
            {
                stream.AppendOne(new ShipmentCancelled(shipment.Id, context.Message.Reason, clock.GetUtcNow()));
            }
        }
    }
}
