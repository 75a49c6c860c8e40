using FluentAssertions;
using WaaS.Contracts;
using WaaS.Logistics.Shipments;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Logistics.Tests.Shipments;

/// <summary>Each lifecycle rule over every status a shipment can be in.</summary>
public sealed class ShipmentRulesTests
{
    [Theory]
    [InlineData(ShipmentStatus.Pending, null)]
    [InlineData(ShipmentStatus.Dispatched, "DispatchOnce")]
    [InlineData(ShipmentStatus.Delivered, "DispatchOnce")]
    [InlineData(ShipmentStatus.Failed, "DispatchOnce")]
    [InlineData(ShipmentStatus.ReturnedUndelivered, "DispatchOnce")]
    [InlineData(ShipmentStatus.Cancelled, "DispatchOnce")]
    public void Only_a_pending_shipment_is_dispatched(ShipmentStatus status, string? rule) =>
        Expect(ShipmentRules.DispatchOnce(Given.In(status)), rule);

    [Theory]
    [InlineData(ShipmentStatus.Pending, "DeliverAfterDispatch")]
    [InlineData(ShipmentStatus.Dispatched, null)]
    [InlineData(ShipmentStatus.Delivered, "DeliverAfterDispatch")]
    [InlineData(ShipmentStatus.Failed, "DeliverAfterDispatch")]
    [InlineData(ShipmentStatus.ReturnedUndelivered, "DeliverAfterDispatch")]
    [InlineData(ShipmentStatus.Cancelled, "DeliverAfterDispatch")]
    public void Only_a_dispatched_shipment_is_delivered(ShipmentStatus status, string? rule) =>
        Expect(ShipmentRules.DeliverAfterDispatch(Given.In(status)), rule);

    [Theory]
    [InlineData(ShipmentStatus.Pending, null)]
    [InlineData(ShipmentStatus.Dispatched, null)]
    [InlineData(ShipmentStatus.Delivered, "FailOnlyOpenShipments")]
    [InlineData(ShipmentStatus.Failed, "FailOnlyOpenShipments")]
    [InlineData(ShipmentStatus.ReturnedUndelivered, "FailOnlyOpenShipments")]
    [InlineData(ShipmentStatus.Cancelled, "FailOnlyOpenShipments")]
    public void Only_a_pending_or_dispatched_shipment_fails(ShipmentStatus status, string? rule) =>
        Expect(ShipmentRules.FailOnlyOpenShipments(Given.In(status)), rule);

    [Fact]
    public void A_pending_shipment_fails_as_not_dispatched_and_a_dispatched_one_comes_back_undelivered()
    {
        ShipmentRules.HowItFails(Given.In(ShipmentStatus.Pending)).Should().Be(ShipmentFailure.NotDispatched);
        ShipmentRules.HowItFails(Given.In(ShipmentStatus.Dispatched)).Should().Be(ShipmentFailure.ReturnedUndelivered);
        ShipmentRules.HowItFails(Given.In(ShipmentStatus.Delivered)).Should().BeNull();
    }

    [Theory]
    [InlineData(ShipmentStatus.Pending, true)]
    [InlineData(ShipmentStatus.Dispatched, false)]
    [InlineData(ShipmentStatus.Delivered, false)]
    [InlineData(ShipmentStatus.Failed, false)]
    [InlineData(ShipmentStatus.ReturnedUndelivered, false)]
    [InlineData(ShipmentStatus.Cancelled, false)]
    public void Only_a_pending_shipment_is_cancelled(ShipmentStatus status, bool cancellable) =>
        ShipmentRules.CanBeCancelled(Given.In(status)).Should().Be(cancellable);

    private static void Expect(Refusal? refusal, string? rule)
    {
        if (rule is null)
        {
            refusal.Should().BeNull();
            return;
        }
        refusal.Should().NotBeNull();
        refusal!.Rule.Should().Be(rule);
        refusal.Kind.Should().Be(RefusalKind.Conflict);
        refusal.Field.Should().Be("status");
    }
}
