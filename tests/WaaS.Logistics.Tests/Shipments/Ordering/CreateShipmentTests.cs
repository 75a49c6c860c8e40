using FluentAssertions;
using WaaS.Contracts;
using WaaS.Logistics.Shipments;
using WaaS.Logistics.Shipments.Ordering;
using Xunit;

namespace WaaS.Logistics.Tests.Shipments.Ordering;

public sealed class CreateShipmentTests
{
    [Fact]
    public void An_order_starts_a_pending_shipment_of_its_items_and_announces_it()
    {
        var id = Guid.NewGuid();
        var order = new CreateShipment(Guid.NewGuid(), new Customer("Muster GmbH", "DE", null, "ap@muster.example"), Given.Items, new DateOnly(2026, 3, 20));

        var decision = CreateShipmentConsumer.Decide(id, order, Given.Ordered);

        decision.Refused.Should().BeNull();
        var created = decision.Events.Should().ContainSingle().Which.Should().BeOfType<WaaS.Logistics.Shipments.ShipmentCreated>().Subject;
        created.Should().Be(new WaaS.Logistics.Shipments.ShipmentCreated(id, order.ContractId, order.Customer, order.Items, Given.Ordered, order.DeliverBy));
        decision.Messages.Should().Equal(new WaaS.Contracts.ShipmentCreated(id, order.ContractId, Given.Ordered));
        var shipment = Shipment.Create(created);
        shipment.Status.Should().Be(ShipmentStatus.Pending);
        shipment.DeliverBy.Should().Be(new DateOnly(2026, 3, 20));
        shipment.Devices.Should().BeEmpty();
    }
}
