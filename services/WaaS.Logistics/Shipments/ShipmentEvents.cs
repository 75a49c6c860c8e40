using WaaS.Contracts;

namespace WaaS.Logistics.Shipments;

// Each event carries the name of the integration message for the same fact (Contracts.ShipmentCreated etc.);
// ShipmentCancelled has none: the deal already knows it cancelled.

/// <summary>A new pending shipment; <see cref="ResellerId"/> is the selling reseller (null in orders from before tenancy).</summary>
public sealed record ShipmentCreated(Guid ShipmentId, Guid ContractId, Customer Customer, IReadOnlyList<ShipmentItem> Items, DateTimeOffset CreatedAt, DateOnly? DeliverBy = null, Guid? ResellerId = null);

public sealed record ShipmentDispatched(Guid ShipmentId, string Carrier, string TrackingNumber, IReadOnlyList<ShippedDevice> Devices, DateTimeOffset DispatchedAt);

public sealed record ShipmentDelivered(Guid ShipmentId, DateTimeOffset DeliveredAt);

public sealed record ShipmentFailed(Guid ShipmentId, ShipmentFailure Failure, string Reason, DateTimeOffset FailedAt);

public sealed record ShipmentCancelled(Guid ShipmentId, string Reason, DateTimeOffset CancelledAt);
