using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Logistics.Shipments.Failing;

public sealed record FailureRequest(string? Reason);

/// <summary>
/// A pending shipment that cannot go out fails; a dispatched one the carrier brings back is returned undelivered.
/// Either way the deal waits for operations to ship again or cancel.
/// </summary>
public static class FailShipment
{
    public static async Task<Results<Ok<Shipment>, ProblemHttpResult>> Handle(
        Guid id, FailureRequest request, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Problems.Invalid("reason", "Required", "'reason' says what went wrong.");
        }
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (Shipment shipment) => Decide(shipment, request.Reason.Trim(), now), ct);
    }

    public static Decision Decide(Shipment shipment, string reason, DateTimeOffset now)
    {
        if (ShipmentRules.FailOnlyOpenShipments(shipment) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var failure = ShipmentRules.HowItFails(shipment)!.Value;
        return Decision.Append(new ShipmentFailed(shipment.Id, failure, reason, now))
            .AndPublish(new Contracts.ShipmentFailed(shipment.Id, shipment.ContractId, failure, reason, now));
    }
}
