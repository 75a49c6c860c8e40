namespace WaaS.Contracts;

/// <summary>Command: ship the deal's devices to the customer.</summary>
public sealed record CreateShipment(Guid ContractId, Customer Customer, IReadOnlyList<ShipmentItem> Items);

/// <summary>A device line to ship.</summary>
public sealed record ShipmentItem(string Sku, string Description, int Quantity);

/// <summary>Logistics accepted the shipment order.</summary>
public sealed record ShipmentCreated(Guid ShipmentId, Guid ContractId, DateTimeOffset CreatedAt);

/// <summary>The devices left the warehouse; each is tracked by serial number from here on.</summary>
public sealed record ShipmentDispatched(
    Guid ShipmentId,
    Guid ContractId,
    string Carrier,
    string TrackingNumber,
    IReadOnlyList<ShippedDevice> Devices,
    DateTimeOffset DispatchedAt);

/// <summary>The customer has the devices.</summary>
public sealed record ShipmentDelivered(Guid ShipmentId, Guid ContractId, DateTimeOffset DeliveredAt);
