using WaaS.Contracts;

namespace WaaS.Logistics.Shipments;

public enum ShipmentStatus
{
    Pending,
    Dispatched,
    Delivered,
    Failed,
    ReturnedUndelivered,
    Cancelled,
}

/// <summary>
/// One shipment of a contract's devices; from dispatch on, every device is known by serial number.
/// <see cref="ResellerId"/> owns it (<see cref="Guid.Empty"/> when the order named none: the distributor's only);
/// <see cref="CustomerId"/> is the end customer's account when known.
/// </summary>
public sealed record Shipment(
    Guid Id,
    Guid ContractId,
    Customer Customer,
    IReadOnlyList<ShipmentItem> Items,
    ShipmentStatus Status,
    string? Carrier,
    string? TrackingNumber,
    IReadOnlyList<ShippedDevice> Devices,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? DeliveredAt)
{
    public static Shipment Create(ShipmentCreated e) =>
        new(e.ShipmentId, e.ContractId, e.Customer, e.Items, ShipmentStatus.Pending, null, null, [], e.CreatedAt, null, null) {
            DeliverBy = e.DeliverBy,
            ResellerId = e.ResellerId ?? Guid.Empty,
            CustomerId = e.Customer.AccountId,
        };

    public Shipment Apply(ShipmentDispatched e) =>
        this with { Status = ShipmentStatus.Dispatched, Carrier = e.Carrier, TrackingNumber = e.TrackingNumber, Devices = e.Devices, DispatchedAt = e.DispatchedAt };

    public Shipment Apply(ShipmentDelivered e) => this with { Status = ShipmentStatus.Delivered, DeliveredAt = e.DeliveredAt };

    public Shipment Apply(ShipmentFailed e) =>
        this with { Status = e.Failure == ShipmentFailure.ReturnedUndelivered ? ShipmentStatus.ReturnedUndelivered : ShipmentStatus.Failed, FailureReason = e.Reason };

    public Shipment Apply(ShipmentCancelled e) => this with { Status = ShipmentStatus.Cancelled, FailureReason = e.Reason };

    public string? FailureReason { get; init; }

    /// <summary>A successor's devices must arrive by this day.</summary>
    public DateOnly? DeliverBy { get; init; }

    public Guid ResellerId { get; init; }

    public Guid? CustomerId { get; init; }
}
