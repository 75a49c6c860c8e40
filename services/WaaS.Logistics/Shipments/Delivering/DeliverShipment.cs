using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Logistics.Shipments.Delivering;

/// <summary>The carrier reports the devices at the customer's; the deal activates on this.</summary>
public static class DeliverShipment
{
    public static Task<Results<Ok<Shipment>, ProblemHttpResult>> Handle(Guid id, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return http.DecideAsync(id, (Shipment shipment) => Decide(shipment, now), ct);
    }

    public static Decision Decide(Shipment shipment, DateTimeOffset now) =>
        ShipmentRules.DeliverAfterDispatch(shipment) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Append(new ShipmentDelivered(shipment.Id, now))
                .AndPublish(new Contracts.ShipmentDelivered(shipment.Id, shipment.ContractId, now));
}
