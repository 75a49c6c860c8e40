using FluentAssertions;
using WaaS.Contracts;
using WaaS.Logistics.Shipments;
using WaaS.Logistics.Shipments.Failing;
using Xunit;

namespace WaaS.Logistics.Tests.Shipments.Failing;

public sealed class FailShipmentTests
{
    private static readonly DateTimeOffset Now = Given.Ordered.AddDays(3);

    [Fact]
    public void A_pending_shipment_that_cannot_go_out_fails_as_not_dispatched()
    {
        var shipment = Given.Shipment();

        var decision = FailShipment.Decide(shipment, "out of stock", Now);

        decision.Events.Should().Equal(new WaaS.Logistics.Shipments.ShipmentFailed(shipment.Id, ShipmentFailure.NotDispatched, "out of stock", Now));
        decision.Messages.Should().Equal(new WaaS.Contracts.ShipmentFailed(shipment.Id, shipment.ContractId, ShipmentFailure.NotDispatched, "out of stock", Now));
        var failed = shipment.Apply((WaaS.Logistics.Shipments.ShipmentFailed)decision.Events[0]);
        failed.Status.Should().Be(ShipmentStatus.Failed);
        failed.FailureReason.Should().Be("out of stock");
    }

    [Fact]
    public void A_dispatched_shipment_the_carrier_brings_back_is_returned_undelivered()
    {
        var shipment = Given.Dispatched();

        var decision = FailShipment.Decide(shipment, "recipient unknown", Now);

        var failed = decision.Events.Should().ContainSingle().Which.Should().BeOfType<WaaS.Logistics.Shipments.ShipmentFailed>().Subject;
        failed.Failure.Should().Be(ShipmentFailure.ReturnedUndelivered);
        decision.Messages.Should().ContainSingle().Which.Should().BeOfType<WaaS.Contracts.ShipmentFailed>()
            .Which.Failure.Should().Be(ShipmentFailure.ReturnedUndelivered);
        shipment.Apply(failed).Status.Should().Be(ShipmentStatus.ReturnedUndelivered);
    }

    [Theory]
    [InlineData(ShipmentStatus.Delivered)]
    [InlineData(ShipmentStatus.Failed)]
    [InlineData(ShipmentStatus.Cancelled)]
    public void A_closed_shipment_cannot_fail(ShipmentStatus status)
    {
        var decision = FailShipment.Decide(Given.In(status), "lost", Now);

        decision.Refused!.Rule.Should().Be("FailOnlyOpenShipments");
        decision.Events.Should().BeEmpty();
    }
}
