using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Logistics.Shipments.Dispatching;

/// <summary>What a dispatch must name: carrier, tracking number and one serial number per device unit of the order.</summary>
public static class DispatchRules
{
    public static Refusal? EveryDeviceBySerialNumber(DispatchRequest request, Shipment shipment)
    {
        var v = new Validation()
            .Required(request.Carrier, "carrier")
            .Required(request.TrackingNumber, "trackingNumber")
            .Require(request.Devices is { Count: > 0 }, "devices", "Required", "List every device with its serial number.");
        if (request.Devices is { Count: > 0 } devices)
        {
            v.Require(devices.All(d => !string.IsNullOrWhiteSpace(d.Sku) && !string.IsNullOrWhiteSpace(d.SerialNumber)),
                "devices", "SerialNumberRequired", "Every device needs a sku and a serial number.");
            var serials = devices.Select(d => d.SerialNumber?.Trim()).Where(s => !string.IsNullOrEmpty(s)).ToList();
            v.Require(serials.Distinct(StringComparer.OrdinalIgnoreCase).Count() == serials.Count,
                "devices", "SerialNumberUnique", "Each serial number may appear once.");
            foreach (var item in shipment.Items)
            {
                var count = devices.Count(d => string.Equals(d.Sku?.Trim(), item.Sku, StringComparison.OrdinalIgnoreCase));
                v.Require(count == item.Quantity, "devices", "OneSerialPerDevice",
                    $"The order holds {item.Quantity} × {item.Sku}; {count} serial numbers were given.");
            }
            var unknown = devices.Select(d => d.Sku?.Trim())
                .Where(s => shipment.Items.All(i => !string.Equals(i.Sku, s, StringComparison.OrdinalIgnoreCase))).Distinct().ToList();
            v.Require(unknown.Count == 0, "devices", "DeviceInOrder", $"Not in this shipment: {string.Join(", ", unknown)}.");
        }
        return v.IsValid ? null : Refusal.Invalid(v.Errors);
    }
}
