using FluentAssertions;
using WaaS.Contracts;
using WaaS.Logistics.Shipments;
using WaaS.Logistics.Shipments.Dispatching;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Logistics.Tests.Shipments.Dispatching;

public sealed class DispatchShipmentTests
{
    private static readonly DateTimeOffset Now = Given.Ordered.AddDays(1);

    private static DispatchRequest Request(params ShippedDevice[] devices) => new(" DHL ", " TRACK-1 ", devices);

    [Fact]
    public void Dispatching_records_carrier_tracking_and_every_serial_trimmed_and_announces_it()
    {
        var shipment = Given.Shipment();

        var decision = DispatchShipment.Decide(shipment, Request(new("NB-TP-E14", " SN-1 "), new("nb-tp-e14", "SN-2"), new("PH-IP-15", "SN-3")), Now);

        decision.Refused.Should().BeNull();
        var dispatched = decision.Events.Should().ContainSingle().Which.Should().BeOfType<WaaS.Logistics.Shipments.ShipmentDispatched>().Subject;
        dispatched.Carrier.Should().Be("DHL");
        dispatched.TrackingNumber.Should().Be("TRACK-1");
        dispatched.Devices.Select(d => d.SerialNumber).Should().Equal("SN-1", "SN-2", "SN-3");
        var message = decision.Messages.Should().ContainSingle().Which.Should().BeOfType<WaaS.Contracts.ShipmentDispatched>().Subject;
        message.Should().BeEquivalentTo(new { ShipmentId = shipment.Id, shipment.ContractId, Carrier = "DHL", TrackingNumber = "TRACK-1", DispatchedAt = Now });
        message.Devices.Should().Equal(dispatched.Devices);
        shipment.Apply(dispatched).Status.Should().Be(ShipmentStatus.Dispatched);
    }

    [Fact]
    public void Dispatching_twice_is_refused_with_DispatchOnce()
    {
        var refused = DispatchShipment.Decide(Given.Dispatched(), Request([.. Given.Devices]), Now).Refused;

        refused.Should().Be(Refusal.Conflict("DispatchOnce", "The shipment is already Dispatched.", "status"));
    }

    [Fact]
    public void A_dispatch_without_carrier_tracking_number_or_devices_names_each_field()
    {
        var refused = DispatchShipment.Decide(Given.Shipment(), new DispatchRequest(" ", null, []), Now).Refused!;

        refused.Kind.Should().Be(RefusalKind.Invalid);
        refused.Errors!.Select(e => (e.Field, e.Rule)).Should().Equal(("carrier", "Required"), ("trackingNumber", "Required"), ("devices", "Required"));
    }

    public static TheoryData<ShippedDevice[], string> BadDevices() => new()
    {
        { [new("NB-TP-E14", "SN-1"), new("NB-TP-E14", " "), new("PH-IP-15", "SN-3")], "SerialNumberRequired" },
        { [new("NB-TP-E14", "SN-1"), new("NB-TP-E14", "sn-1"), new("PH-IP-15", "SN-3")], "SerialNumberUnique" },
        { [new("NB-TP-E14", "SN-1"), new("PH-IP-15", "SN-3")], "OneSerialPerDevice" },
        { [new("NB-TP-E14", "SN-1"), new("NB-TP-E14", "SN-2"), new("PH-IP-15", "SN-3"), new("MON-DELL-24", "SN-4")], "DeviceInOrder" },
    };

    [Theory]
    [MemberData(nameof(BadDevices))]
    public void Every_device_unit_of_the_order_needs_its_own_serial_number(ShippedDevice[] devices, string rule)
    {
        var refused = DispatchShipment.Decide(Given.Shipment(), Request(devices), Now).Refused!;

        refused.Kind.Should().Be(RefusalKind.Invalid);
        refused.Errors!.Should().ContainSingle().Which.Should().Match<WaaS.ServiceDefaults.Http.FieldError>(e => e.Field == "devices" && e.Rule == rule);
    }

    [Fact]
    public void A_dispatched_shipment_is_refused_before_its_devices_are_checked()
    {
        DispatchShipment.Decide(Given.Dispatched(), Request(), Now).Refused!.Rule.Should().Be("DispatchOnce");
    }
}
