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

/// <summary>One shipment of a contract's devices; from dispatch on, every device is known by serial number.</summary>
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
    public static Shipment Create(ShipmentOrdered e) =>
        new(e.ShipmentId, e.ContractId, e.Customer, e.Items, ShipmentStatus.Pending, null, null, [], e.OrderedAt, null, null) { DeliverBy = e.DeliverBy };

    public Shipment Apply(ShipmentHandedToCarrier e) =>
        this with { Status = ShipmentStatus.Dispatched, Carrier = e.Carrier, TrackingNumber = e.TrackingNumber, Devices = e.Devices, DispatchedAt = e.DispatchedAt };

    public Shipment Apply(ShipmentArrived e) => this with { Status = ShipmentStatus.Delivered, DeliveredAt = e.DeliveredAt };

    public Shipment Apply(ShipmentWentWrong e) =>
        this with { Status = e.Failure == ShipmentFailure.ReturnedUndelivered ? ShipmentStatus.ReturnedUndelivered : ShipmentStatus.Failed, FailureReason = e.Reason };

    public Shipment Apply(ShipmentCancelled e) => this with { Status = ShipmentStatus.Cancelled, FailureReason = e.Reason };

    public string? FailureReason { get; init; }

    /// <summary>A successor's devices must arrive by this day.</summary>
    public DateOnly? DeliverBy { get; init; }
}

public sealed record ShipmentOrdered(Guid ShipmentId, Guid ContractId, Customer Customer, IReadOnlyList<ShipmentItem> Items, DateTimeOffset OrderedAt, DateOnly? DeliverBy = null);

public sealed record ShipmentWentWrong(Guid ShipmentId, ShipmentFailure Failure, string Reason, DateTimeOffset FailedAt);

public sealed record ShipmentCancelled(Guid ShipmentId, string Reason, DateTimeOffset CancelledAt);

public sealed record ShipmentHandedToCarrier(Guid ShipmentId, string Carrier, string TrackingNumber, IReadOnlyList<ShippedDevice> Devices, DateTimeOffset DispatchedAt);

public sealed record ShipmentArrived(Guid ShipmentId, DateTimeOffset DeliveredAt);
