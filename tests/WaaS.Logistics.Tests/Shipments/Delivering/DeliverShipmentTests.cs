using FluentAssertions;
using WaaS.Logistics.Shipments;
using WaaS.Logistics.Shipments.Delivering;
using Xunit;

namespace WaaS.Logistics.Tests.Shipments.Delivering;

public sealed class DeliverShipmentTests
{
    private static readonly DateTimeOffset Now = Given.Ordered.AddDays(2);

    [Fact]
    public void Delivering_a_dispatched_shipment_records_when_and_announces_it()
    {
        var shipment = Given.Dispatched();

        var decision = DeliverShipment.Decide(shipment, Now);

        decision.Events.Should().Equal(new WaaS.Logistics.Shipments.ShipmentDelivered(shipment.Id, Now));
        decision.Messages.Should().Equal(new WaaS.Contracts.ShipmentDelivered(shipment.Id, shipment.ContractId, Now));
        var delivered = shipment.Apply((WaaS.Logistics.Shipments.ShipmentDelivered)decision.Events[0]);
        delivered.Status.Should().Be(ShipmentStatus.Delivered);
        delivered.DeliveredAt.Should().Be(Now);
    }

    [Theory]
    [InlineData(ShipmentStatus.Pending)]
    [InlineData(ShipmentStatus.Delivered)]
    [InlineData(ShipmentStatus.Cancelled)]
    public void Delivering_what_was_not_dispatched_is_refused_with_DeliverAfterDispatch(ShipmentStatus status)
    {
        var decision = DeliverShipment.Decide(Given.In(status), Now);

        decision.Refused!.Rule.Should().Be("DeliverAfterDispatch");
        decision.Events.Should().BeEmpty();
        decision.Messages.Should().BeEmpty();
    }
}
