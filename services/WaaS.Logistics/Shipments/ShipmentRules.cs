using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Logistics.Shipments;

/// <summary>The lifecycle rules: pending → dispatched → delivered; pending or dispatched may fail; only pending is cancelled.</summary>
public static class ShipmentRules
{
    public static Refusal? DispatchOnce(Shipment shipment) => shipment.Status == ShipmentStatus.Pending ? null
        : Refusal.Conflict("DispatchOnce", $"The shipment is already {shipment.Status}.", "status");

    public static Refusal? DeliverAfterDispatch(Shipment shipment) => shipment.Status == ShipmentStatus.Dispatched ? null
        : Refusal.Conflict("DeliverAfterDispatch", $"The shipment is {shipment.Status}; only a dispatched shipment can be delivered.", "status");

    public static Refusal? FailOnlyOpenShipments(Shipment shipment) => HowItFails(shipment) is not null ? null
        : Refusal.Conflict("FailOnlyOpenShipments", $"The shipment is {shipment.Status}; only a pending or dispatched shipment can fail.", "status");

    /// <summary>A pending shipment that cannot go out fails; a dispatched one the carrier brings back is returned undelivered.</summary>
    public static ShipmentFailure? HowItFails(Shipment shipment) => shipment.Status switch
    {
        ShipmentStatus.Pending => ShipmentFailure.NotDispatched,
        ShipmentStatus.Dispatched => ShipmentFailure.ReturnedUndelivered,
        _ => null,
    };

    /// <summary>Only what has not left the warehouse is dropped; a dispatch that won the race stays dispatched.</summary>
    public static bool CanBeCancelled(Shipment shipment) => shipment.Status == ShipmentStatus.Pending;
}
