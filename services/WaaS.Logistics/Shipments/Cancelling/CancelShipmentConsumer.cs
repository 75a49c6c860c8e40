using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Logistics.Shipments.Cancelling;

/// <summary>The deal was cancelled before dispatch: its pending shipments are dropped.</summary>
public sealed class CancelShipmentConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<CancelShipment>
{
    public async Task Consume(ConsumeContext<CancelShipment> context)
    {
        var cancel = context.Message;
        var shipments = await session.Query<Shipment>().Where(s => s.ContractId == cancel.ContractId).ToListAsync(context.CancellationToken);
        var now = clock.GetUtcNow();
        if (WaitForOrder(shipments, cancel) is { ArrivedEarly: { } why })
        {
            throw new MessageArrivedEarlyException(why);
        }
        foreach (var shipment in shipments)
        {
            // Fetched again at its version: a dispatch racing this cancellation makes it retry and find the shipment gone.
            await context.DecideAsync<Shipment>(shipment.Id, current => Decide(current, cancel.Reason, now));
        }
    }

    /// <summary>The order and its cancellation travel on different queues; until the order has landed, wait (retry).</summary>
    public static Decision WaitForOrder(IReadOnlyCollection<Shipment> shipments, CancelShipment cancel) =>
        shipments.Count == 0 ? Decision.NotYet($"No shipment for contract {cancel.ContractId} yet.") : Decision.Nothing;

    public static Decision Decide(Shipment? shipment, string reason, DateTimeOffset now) => shipment switch
    {
        null => Decision.NotYet("The shipment is not stored yet."),
        _ when ShipmentRules.CanBeCancelled(shipment) => Decision.Append(new ShipmentCancelled(shipment.Id, reason, now)),
        _ => Decision.Nothing,
    };
}
