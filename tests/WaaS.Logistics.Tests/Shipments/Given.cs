using WaaS.Logistics.Shipments;

namespace WaaS.Logistics.Tests.Shipments;

/// <summary>A shipment folded from its events, as Marten folds it.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Ordered = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<Contracts.ShipmentItem> Items = [new("NB-TP-E14", "ThinkPad E14", 2), new("PH-IP-15", "iPhone 15", 1)];

    public static readonly IReadOnlyList<Contracts.ShippedDevice> Devices = [new("NB-TP-E14", "SN-1"), new("NB-TP-E14", "SN-2"), new("PH-IP-15", "SN-3")];

    public static Shipment Shipment(params object[] events)
    {
        var id = Guid.NewGuid();
        var shipment = WaaS.Logistics.Shipments.Shipment.Create(new ShipmentCreated(id, Guid.NewGuid(),
            new Contracts.Customer("Muster GmbH", "DE", null, "ap@muster.example"), Items, Ordered, new DateOnly(2026, 3, 20)));
        foreach (var e in events)
        {
            shipment = e switch
            {
                ShipmentDispatched dispatched => shipment.Apply(dispatched),
                ShipmentDelivered delivered => shipment.Apply(delivered),
                ShipmentFailed failed => shipment.Apply(failed),
                ShipmentCancelled cancelled => shipment.Apply(cancelled),
                _ => throw new ArgumentOutOfRangeException(nameof(events)),
            };
        }
        return shipment;
    }

    public static Shipment Dispatched() => Shipment(new ShipmentDispatched(Guid.Empty, "DHL", "TRACK-1", Devices, Ordered.AddDays(1)));

    /// <summary>A shipment in <paramref name="status"/>, reached by the events that lead there.</summary>
    public static Shipment In(ShipmentStatus status) => status switch
    {
        ShipmentStatus.Pending => Shipment(),
        ShipmentStatus.Dispatched => Dispatched(),
        ShipmentStatus.Delivered => Shipment(new ShipmentDispatched(Guid.Empty, "DHL", "TRACK-1", Devices, Ordered), new ShipmentDelivered(Guid.Empty, Ordered)),
        ShipmentStatus.Failed => Shipment(new ShipmentFailed(Guid.Empty, Contracts.ShipmentFailure.NotDispatched, "out of stock", Ordered)),
        ShipmentStatus.ReturnedUndelivered => Shipment(new ShipmentDispatched(Guid.Empty, "DHL", "TRACK-1", Devices, Ordered),
            new ShipmentFailed(Guid.Empty, Contracts.ShipmentFailure.ReturnedUndelivered, "recipient unknown", Ordered)),
        ShipmentStatus.Cancelled => Shipment(new ShipmentCancelled(Guid.Empty, "customer withdrew", Ordered)),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
