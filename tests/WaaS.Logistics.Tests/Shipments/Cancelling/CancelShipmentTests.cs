using FluentAssertions;
using WaaS.Contracts;
using WaaS.Logistics.Shipments;
using WaaS.Logistics.Shipments.Cancelling;
using Xunit;

namespace WaaS.Logistics.Tests.Shipments.Cancelling;

public sealed class CancelShipmentTests
{
    private static readonly DateTimeOffset Now = Given.Ordered.AddHours(5);

    [Fact]
    public void A_pending_shipment_is_dropped_with_the_reason()
    {
        var shipment = Given.Shipment();

        var decision = CancelShipmentConsumer.Decide(shipment, "customer withdrew", Now);

        decision.Events.Should().Equal(new ShipmentCancelled(shipment.Id, "customer withdrew", Now));
        decision.Messages.Should().BeEmpty("the deal cancelled; nobody waits to hear it back");
        var cancelled = shipment.Apply((ShipmentCancelled)decision.Events[0]);
        cancelled.Status.Should().Be(ShipmentStatus.Cancelled);
        cancelled.FailureReason.Should().Be("customer withdrew");
    }

    [Theory]
    [InlineData(ShipmentStatus.Dispatched)]
    [InlineData(ShipmentStatus.Delivered)]
    [InlineData(ShipmentStatus.Failed)]
    [InlineData(ShipmentStatus.Cancelled)]
    public void A_shipment_that_is_no_longer_pending_stays_as_it_is(ShipmentStatus status)
    {
        var decision = CancelShipmentConsumer.Decide(Given.In(status), "customer withdrew", Now);

        decision.IsNothing.Should().BeTrue();
    }

    [Fact]
    public void A_cancellation_that_overtook_its_order_waits_for_it()
    {
        var cancel = new CancelShipment(Guid.NewGuid(), "customer withdrew");

        CancelShipmentConsumer.WaitForOrder([], cancel).ArrivedEarly.Should().Contain(cancel.ContractId.ToString());
        CancelShipmentConsumer.WaitForOrder([Given.Shipment()], cancel).ArrivedEarly.Should().BeNull();
        CancelShipmentConsumer.Decide(null, "customer withdrew", Now).ArrivedEarly.Should().NotBeNull();
    }
}
