namespace WaaS.Contracts;

/// <summary>Command: ship the deal's devices to the customer.</summary>
/// <remarks><see cref="DeliverBy"/>: a successor's devices must arrive by then (before the old ones are due back).</remarks>
public sealed record CreateShipment(Guid ContractId, Customer Customer, IReadOnlyList<ShipmentItem> Items, DateOnly? DeliverBy = null, Guid? ResellerId = null);

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

/// <summary>Why a shipment did not reach the customer.</summary>
public enum ShipmentFailure
{
    /// <summary>It never left the warehouse (e.g. out of stock).</summary>
    NotDispatched,

    /// <summary>The carrier brought it back undelivered.</summary>
    ReturnedUndelivered,
}

/// <summary>The shipment failed; the deal waits for a reshipment or a cancellation.</summary>
public sealed record ShipmentFailed(Guid ShipmentId, Guid ContractId, ShipmentFailure Failure, string Reason, DateTimeOffset FailedAt);

/// <summary>Command: the deal was cancelled before dispatch; drop its pending shipment.</summary>
public sealed record CancelShipment(Guid ContractId, string Reason);
