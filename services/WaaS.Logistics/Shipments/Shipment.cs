using WaaS.Contracts;

namespace WaaS.Logistics.Shipments;

public enum ShipmentStatus
{
    Pending,
    Dispatched,
    Delivered,
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
        new(e.ShipmentId, e.ContractId, e.Customer, e.Items, ShipmentStatus.Pending, null, null, [], e.OrderedAt, null, null);

    public Shipment Apply(ShipmentHandedToCarrier e) =>
        this with { Status = ShipmentStatus.Dispatched, Carrier = e.Carrier, TrackingNumber = e.TrackingNumber, Devices = e.Devices, DispatchedAt = e.DispatchedAt };

    public Shipment Apply(ShipmentArrived e) => this with { Status = ShipmentStatus.Delivered, DeliveredAt = e.DeliveredAt };
}

public sealed record ShipmentOrdered(Guid ShipmentId, Guid ContractId, Customer Customer, IReadOnlyList<ShipmentItem> Items, DateTimeOffset OrderedAt);

public sealed record ShipmentHandedToCarrier(Guid ShipmentId, string Carrier, string TrackingNumber, IReadOnlyList<ShippedDevice> Devices, DateTimeOffset DispatchedAt);

public sealed record ShipmentArrived(Guid ShipmentId, DateTimeOffset DeliveredAt);
