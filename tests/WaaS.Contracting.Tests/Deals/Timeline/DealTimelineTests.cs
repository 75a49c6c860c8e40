using FluentAssertions;
using WaaS.Contracting.Deals;
using WaaS.Contracting.Deals.Timeline;
using WaaS.Contracts;
using Xunit;

namespace WaaS.Contracting.Tests.Branches;

/// <summary>Given the messages about a deal, then its timeline shows these steps, flags and facts.</summary>
public sealed class DealTimelineTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _id = Guid.NewGuid();

    [Fact]
    public void Steps_of_one_instant_read_in_the_order_the_flow_causes_them_whatever_order_they_arrived_in()
    {
        var t = new DealTimeline { Id = _id };
        t.When(new ContractActivated(_id, Guid.NewGuid(), new Customer("M", "DE", null, "a@m.example"), 12, new DateOnly(2026, 3, 2),
            new DateOnly(2027, 3, 1), new MonthlyAmount(1m, 0.19m, 1.19m), [], [], At));
        t.When(new ShipmentDelivered(Guid.NewGuid(), _id, At));
        t.When(new CreditApproved(_id, 720m, At.AddDays(-2)));

        t.Ordered.Select(s => s.Step).Should().Equal("CreditApproved", "ShipmentDelivered", "ContractActivated");
        t.EndDate.Should().Be(new DateOnly(2027, 3, 1));
    }

    [Fact]
    public void A_credit_approval_on_conditions_shows_them_on_the_timeline()
    {
        var t = new DealTimeline { Id = _id };
        t.When(new CreditApproved(_id, 120_000m, At, MaximumTermMonths: 24, SecurityDeposit: 10_000m));

        t.Ordered.Should().ContainSingle().Which.Detail.Should()
            .Be("exposure 120000.00 EUR; on condition of a term of at most 24 months; on condition of a security deposit of 10000.00 EUR");
    }

    [Fact]
    public void A_missed_deadline_flags_the_deal_for_operations()
    {
        var t = new DealTimeline { Id = _id };
        t.When(new DealDeadlineMissed(_id, DealDeadlines.Delivery, At, At.AddHours(1)));

        t.Flags.Should().ContainSingle().Which.Should().Be(new DealFlag(DealDeadlines.Delivery, At, At.AddHours(1)));
        t.Ordered.Should().ContainSingle(s => s.Step == "DeliveryOverdue" && s.Service == "operations");
    }

    [Fact]
    public void Devices_delivered_after_a_cancellation_are_shown_as_to_be_collected()
    {
        var t = new DealTimeline { Id = _id };
        t.When(new DealCancelled(_id, "customer withdrew", At));
        t.When(new DevicesToRecall(_id, At.AddHours(1), At.AddHours(2)));
        t.When(new ShipmentDelivered(Guid.NewGuid(), _id, At.AddDays(1)));

        t.CancellationReason.Should().Be("customer withdrew");
        t.Flags.Should().ContainSingle(f => f.Deadline == "RecallAfterCancellation");
        t.Ordered.Select(s => s.Step).Should().Equal("DealCancelled", "RecallAfterCancellation", "DeliveredAfterCancellation");
    }

    [Fact]
    public void Extensions_count_the_months_beyond_the_signed_term()
    {
        var t = new DealTimeline { Id = _id };
        t.When(new ContractSigned(_id, Guid.NewGuid(), new Customer("M", "DE", null, "a@m.example"), 12, [], new MonthlyAmount(1m, 0.19m, 1.19m), 1m, At));
        var end = new DateOnly(2027, 3, 1);
        t.When(new ContractExtended(_id, Guid.NewGuid(), 1, 3, 15, end, end.AddMonths(3), new MonthlyAmount(1m, 0.19m, 1.19m), 1m, At));
        t.When(new ContractExtended(_id, Guid.NewGuid(), 2, 6, 21, end.AddMonths(3), end.AddMonths(9), new MonthlyAmount(1m, 0.19m, 1.19m), 2m, At));

        t.ExtendedMonths.Should().Be(9);
        t.EndDate.Should().Be(end.AddMonths(9));
    }

    [Fact]
    public void A_reshipment_clears_the_failed_shipment()
    {
        var t = new DealTimeline { Id = _id };
        t.When(new ShipmentCreated(Guid.NewGuid(), _id, At));
        t.When(new ShipmentFailed(t.ShipmentId!.Value, _id, ShipmentFailure.NotDispatched, "out of stock", At));
        t.ShipmentFailure.Should().Be("NotDispatched: out of stock");

        t.When(new DealReshipmentRequested(_id, At.AddHours(1)));

        t.ShipmentFailure.Should().BeNull();
        t.ShipmentId.Should().BeNull();
    }
}
