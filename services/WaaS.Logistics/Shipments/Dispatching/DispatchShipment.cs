using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Logistics.Shipments.Dispatching;

public sealed record DispatchRequest(string? Carrier, string? TrackingNumber, IReadOnlyList<ShippedDevice>? Devices);

/// <summary>Hands the devices to a carrier; every device unit of the order needs its own serial number.</summary>
public static class DispatchShipment
{
    public static Task<Results<Ok<Shipment>, ProblemHttpResult>> Handle(
        Guid id, DispatchRequest request, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return http.DecideAsync(id, (Shipment shipment) => Decide(shipment, request, now), ct);
    }

    public static Decision Decide(Shipment shipment, DispatchRequest request, DateTimeOffset now)
    {
        if ((ShipmentRules.DispatchOnce(shipment) ?? DispatchRules.EveryDeviceBySerialNumber(request, shipment)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var carrier = request.Carrier!.Trim();
        var trackingNumber = request.TrackingNumber!.Trim();
        var devices = request.Devices!.Select(d => d with { Sku = d.Sku.Trim(), SerialNumber = d.SerialNumber.Trim() }).ToList();
        return Decision.Append(new ShipmentDispatched(shipment.Id, carrier, trackingNumber, devices, now))
            .AndPublish(new Contracts.ShipmentDispatched(shipment.Id, shipment.ContractId, carrier, trackingNumber, devices, now));
    }
}
