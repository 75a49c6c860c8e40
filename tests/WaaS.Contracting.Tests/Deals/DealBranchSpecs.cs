using FluentAssertions;
using MassTransit;
using MassTransit.Events;
using WaaS.Contracting.Deals;
using WaaS.Contracts;
using Xunit;

namespace WaaS.Contracting.Tests.Branches;

/// <summary>Every branch of the deal saga on MassTransit's test harness; time moves by the test clock.</summary>
public sealed class DealBranchSpecs : IAsyncLifetime
{
    private DealHarness _deal = null!;

    public async Task InitializeAsync() => _deal = await DealHarness.StartAsync();

    public async Task DisposeAsync() => await _deal.DisposeAsync();

    [Fact]
    public async Task Signing_starts_the_credit_check_with_a_durable_decision_deadline()
    {
        var id = await _deal.SignAsync();

        _deal.Outbox.Of<CheckCredit>().Should().ContainSingle(c => c.ContractId == id && c.Exposure == 720m);
        _deal.Scheduler.DueAt(DealDeadlines.CreditKey(id)).Should().Be(_deal.Clock.GetUtcNow() + DealDeadlines.CreditDecisionSla);
        (await _deal.InState(id, m => m.CheckingCredit)).CreditDecisionDueAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Approved_credit_pays_commission_orders_shipment_and_swaps_the_credit_deadline_for_a_delivery_deadline()
    {
        var id = await _deal.ApprovedAsync();

        _deal.Outbox.Of<RecordCommission>().Should().ContainSingle(c => c.ContractId == id && c.Amount == 240m);
        _deal.Outbox.Of<CreateShipment>().Should().ContainSingle(c => c.ContractId == id && c.Items.Single().Quantity == 2);
        _deal.Scheduler.DueAt(DealDeadlines.CreditKey(id)).Should().BeNull();
        _deal.Scheduler.DueAt(DealDeadlines.DeliveryKey(id)).Should().Be(_deal.Clock.GetUtcNow() + DealDeadlines.DeliverySla);
    }

    [Fact]
    public async Task Rejected_credit_ends_the_deal_as_Rejected_without_payout_or_shipment()
    {
        var id = await _deal.SignAsync();

        await _deal.Publish(new CreditRejected(id, "VatIdRequiredInCountry: no", _deal.Clock.GetUtcNow()));

        (await _deal.TimelineIn(id, m => m.Rejected)).RejectionReason.Should().StartWith("VatIdRequiredInCountry");
        _deal.Outbox.Of<DealRejected>().Should().ContainSingle(r => r.ContractId == id);
        _deal.Outbox.Of<RecordCommission>().Should().NotContain(c => c.ContractId == id);
        _deal.Scheduler.DueAt(DealDeadlines.CreditKey(id)).Should().BeNull();
    }

    [Fact]
    public async Task Referred_credit_waits_in_ManualReview_until_an_operator_approves()
    {
        var id = await _deal.SignAsync();

        await _deal.Publish(new CreditReferredToManualReview(id, 150_000m, "ExposureWithinLimit", _deal.Clock.GetUtcNow()));
        (await _deal.TimelineIn(id, m => m.ManualReview)).ManualReviewReason.Should().Be("ExposureWithinLimit");
        _deal.Outbox.Of<CreateShipment>().Should().NotContain(c => c.ContractId == id);

        _deal.Clock.Advance(TimeSpan.FromHours(5));
        await _deal.Publish(new CreditApproved(id, 150_000m, _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.AwaitingDispatch);
        _deal.Outbox.Of<CreateShipment>().Should().ContainSingle(c => c.ContractId == id);
    }

    [Fact]
    public async Task Referred_credit_rejected_on_review_ends_as_Rejected()
    {
        var id = await _deal.SignAsync();
        await _deal.Publish(new CreditReferredToManualReview(id, 150_000m, "ExposureWithinLimit", _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.ManualReview);

        await _deal.Publish(new CreditRejected(id, "RejectedOnReview: insolvent parent", _deal.Clock.GetUtcNow()));

        (await _deal.TimelineIn(id, m => m.Rejected)).RejectionReason.Should().Contain("insolvent");
    }

    [Fact]
    public async Task A_credit_check_that_faults_goes_to_manual_review()
    {
        var id = await _deal.SignAsync();
        var check = _deal.Outbox.Of<CheckCredit>().Single(c => c.ContractId == id);

        await _deal.Harness.Bus.Publish<Fault<CheckCredit>>(new
        {
            Message = check,
            FaultId = Guid.NewGuid(),
            Timestamp = _deal.Clock.GetUtcNow().UtcDateTime,
            FaultMessageTypes = new[] { "urn:message:WaaS.Contracts:CheckCredit" },
            Exceptions = new[] { new FaultExceptionInfo(new TimeoutException("scoring bureau down")) },
        });

        (await _deal.TimelineIn(id, m => m.ManualReview)).ManualReviewReason.Should().Be("CreditCheckFailed: scoring bureau down");
    }

    [Fact]
    public async Task A_missed_credit_deadline_flags_the_deal_and_a_late_approval_still_proceeds()
    {
        var id = await _deal.SignAsync();
        _deal.Clock.Advance(DealDeadlines.CreditDecisionSla + TimeSpan.FromMinutes(1));

        // What the durable scheduler publishes when the deadline falls due.
        await _deal.Publish(_deal.Scheduler.Message<CreditDecisionDue>(DealDeadlines.CreditKey(id))!);

        var overdue = await _deal.InState(id, m => m.CreditDecisionOverdue);
        _deal.Timeline(id).Flags.Should().ContainSingle(f => f.Deadline == DealDeadlines.CreditDecision);
        _deal.Outbox.Of<DealDeadlineMissed>().Should().ContainSingle(d => d.ContractId == id && d.Deadline == DealDeadlines.CreditDecision);

        await _deal.Publish(new CreditApproved(id, 720m, _deal.Clock.GetUtcNow()));
        (await _deal.TimelineIn(id, m => m.AwaitingDispatch)).Flags.Should().HaveCount(1, "the missed deadline stays on record");
    }

    [Fact]
    public async Task Cancelling_during_the_credit_check_cancels_the_deal_and_its_deadline()
    {
        var id = await _deal.SignAsync();

        await _deal.Publish(new DealCancellationRequested(id, "customer changed its mind", _deal.Clock.GetUtcNow()));

        (await _deal.TimelineIn(id, m => m.Cancelled)).CancellationReason.Should().Be("customer changed its mind");
        _deal.Outbox.Of<DealCancelled>().Should().ContainSingle(c => c.ContractId == id);
        _deal.Scheduler.DueAt(DealDeadlines.CreditKey(id)).Should().BeNull();
    }

    [Fact]
    public async Task Cancelling_before_dispatch_drops_the_shipment_and_voids_the_deal()
    {
        var id = await _deal.ApprovedAsync();

        await _deal.Publish(new DealCancellationRequested(id, "duplicate order", _deal.Clock.GetUtcNow()));

        await _deal.InState(id, m => m.Cancelled);
        _deal.Outbox.Of<CancelShipment>().Should().ContainSingle(c => c.ContractId == id);
        _deal.Outbox.Of<DealCancelled>().Should().ContainSingle(c => c.ContractId == id);
        _deal.Scheduler.DueAt(DealDeadlines.DeliveryKey(id)).Should().BeNull();
    }

    [Fact]
    public async Task A_cancellation_that_crosses_the_dispatch_stays_cancelled_and_flags_a_recall()
    {
        var id = await _deal.ApprovedAsync();
        await _deal.Publish(new DealCancellationRequested(id, "customer withdrew", _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.Cancelled);

        await _deal.Publish(new ShipmentDispatched(Guid.NewGuid(), id, "DHL", "JJD2", [new ShippedDevice("NB-TP-E14", "SN-9")], _deal.Clock.GetUtcNow()));
        await _deal.Harness.InactivityTask;

        var deal = await _deal.InState(id, m => m.Cancelled);
        _deal.Timeline(id).Flags.Should().ContainSingle(f => f.Deadline == "RecallAfterCancellation");
        deal.Devices.Should().ContainSingle(d => d.SerialNumber == "SN-9");
        (await _deal.Harness.Published.Any<Fault<ShipmentDispatched>>()).Should().BeFalse();
    }

    [Fact]
    public async Task A_cancellation_after_dispatch_is_refused_and_the_devices_stay_in_transit()
    {
        var id = await _deal.InTransitAsync();

        await _deal.Publish(new DealCancellationRequested(id, "too late", _deal.Clock.GetUtcNow()));

        await _deal.Harness.InactivityTask;
        var deal = await _deal.InState(id, m => m.InTransit);
        _deal.Timeline(id).Ordered.Should().Contain(h => h.Step == "CancellationRefused");
        _deal.Outbox.Of<DealCancelled>().Should().NotContain(c => c.ContractId == id);
    }

    [Fact]
    public async Task A_shipment_that_cannot_go_out_ends_in_ShipmentFailed_and_a_reshipment_orders_it_again()
    {
        var id = await _deal.ApprovedAsync();

        await _deal.Publish(new ShipmentFailed(Guid.NewGuid(), id, ShipmentFailure.NotDispatched, "out of stock", _deal.Clock.GetUtcNow()));
        (await _deal.TimelineIn(id, m => m.ShipmentFailed)).ShipmentFailure.Should().Contain("out of stock");
        _deal.Scheduler.DueAt(DealDeadlines.DeliveryKey(id)).Should().BeNull();

        _deal.Clock.Advance(TimeSpan.FromDays(3));
        await _deal.Publish(new DealReshipmentRequested(id, _deal.Clock.GetUtcNow()));

        await _deal.InState(id, m => m.AwaitingDispatch);
        _deal.Outbox.Of<CreateShipment>().Count(c => c.ContractId == id).Should().Be(2);
        _deal.Scheduler.DueAt(DealDeadlines.DeliveryKey(id)).Should().Be(_deal.Clock.GetUtcNow() + DealDeadlines.DeliverySla);
    }

    [Fact]
    public async Task A_shipment_order_that_faults_ends_in_ShipmentFailed()
    {
        var id = await _deal.ApprovedAsync();
        var order = _deal.Outbox.Of<CreateShipment>().Single(c => c.ContractId == id);

        await _deal.Harness.Bus.Publish<Fault<CreateShipment>>(new
        {
            Message = order,
            FaultId = Guid.NewGuid(),
            Timestamp = _deal.Clock.GetUtcNow().UtcDateTime,
            FaultMessageTypes = new[] { "urn:message:WaaS.Contracts:CreateShipment" },
            Exceptions = new[] { new FaultExceptionInfo(new InvalidOperationException("warehouse offline")) },
        });

        (await _deal.TimelineIn(id, m => m.ShipmentFailed)).ShipmentFailure.Should().Contain("warehouse offline");
    }

    [Fact]
    public async Task A_shipment_returned_undelivered_ends_in_ReturnedUndelivered_and_can_then_be_cancelled()
    {
        var id = await _deal.InTransitAsync();

        await _deal.Publish(new ShipmentFailed(Guid.NewGuid(), id, ShipmentFailure.ReturnedUndelivered, "address unknown", _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.ReturnedUndelivered);

        await _deal.Publish(new DealCancellationRequested(id, "customer unreachable", _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.Cancelled);
        _deal.Outbox.Of<DealCancelled>().Should().ContainSingle(c => c.ContractId == id);
    }

    [Fact]
    public async Task A_missed_delivery_deadline_flags_DeliveryOverdue_and_a_late_delivery_still_activates()
    {
        var id = await _deal.InTransitAsync();
        _deal.Clock.Advance(DealDeadlines.DeliverySla + TimeSpan.FromHours(1));

        await _deal.Publish(_deal.Scheduler.Message<DeliveryDue>(DealDeadlines.DeliveryKey(id))!);
        (await _deal.TimelineIn(id, m => m.DeliveryOverdue)).Flags.Should().ContainSingle(f => f.Deadline == DealDeadlines.Delivery);

        await _deal.Publish(new ShipmentDelivered(Guid.NewGuid(), id, _deal.Clock.GetUtcNow()));
        var active = await _deal.InState(id, m => m.Active);
        active.StartDate.Should().Be(_deal.Clock.Today);
        _deal.Outbox.Of<ContractActivated>().Should().ContainSingle(a => a.ContractId == id && a.Devices.Count == 2);
    }

    [Fact]
    public async Task A_deadline_that_fires_after_the_deal_moved_on_changes_nothing()
    {
        var id = await _deal.ActiveAsync();

        await _deal.Publish(new CreditDecisionDue(id, _deal.Clock.GetUtcNow()));
        await _deal.Publish(new DeliveryDue(id, _deal.Clock.GetUtcNow()));
        await _deal.Harness.InactivityTask;

        var deal = await _deal.InState(id, m => m.Active);
        _deal.Timeline(id).Flags.Should().BeEmpty();
        (await _deal.Harness.Published.Any<Fault<DeliveryDue>>()).Should().BeFalse();
    }

    [Fact]
    public async Task A_late_event_for_an_unknown_deal_is_discarded_without_a_fault()
    {
        var unknown = Guid.NewGuid();

        await _deal.Publish(new ShipmentDelivered(Guid.NewGuid(), unknown, _deal.Clock.GetUtcNow()));
        await _deal.Harness.InactivityTask;

        _deal.Saga.Sagas.Contains(unknown).Should().BeNull();
        (await _deal.Harness.Published.Any<Fault<ShipmentDelivered>>()).Should().BeFalse();
    }

    [Fact]
    public async Task An_extension_moves_the_deals_end_date_and_the_end_of_term_ends_it()
    {
        var id = await _deal.ActiveAsync();
        var end = (await _deal.InState(id, m => m.Active)).EndDate!.Value;

        await _deal.Publish(new ContractExtended(id, GivenContract.Reseller, 1, 3, 15, end, end.AddMonths(3), new MonthlyAmount(60m, 11.40m, 71.40m), 60m,
            _deal.Clock.GetUtcNow()));
        await _deal.Harness.InactivityTask;
        await _deal.InState(id, m => m.Active);
        _deal.Timeline(id).EndDate.Should().Be(end.AddMonths(3));
        _deal.Timeline(id).ExtendedMonths.Should().Be(3);

        await _deal.Publish(new ContractEnded(id, GivenContract.Reseller, ContractEndReason.EndOfTerm, end.AddMonths(3), 0m, [], _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.Ended);
    }

    [Fact]
    public async Task A_successor_delivered_early_starts_the_day_after_its_predecessor_ends()
    {
        var predecessorEnds = _deal.Clock.Today.AddDays(20);
        var id = await _deal.SignAsync(Guid.NewGuid(), predecessorEnds, predecessorEnds);
        await _deal.Publish(new CreditApproved(id, 720m, _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.AwaitingDispatch);
        await _deal.Publish(new ShipmentDispatched(Guid.NewGuid(), id, "DHL", "JJD3", [new ShippedDevice("NB-TP-E14", "SN-3")], _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.InTransit);

        await _deal.Publish(new ShipmentDelivered(Guid.NewGuid(), id, _deal.Clock.GetUtcNow()));

        var active = await _deal.InState(id, m => m.Active);
        active.StartDate.Should().Be(predecessorEnds.AddDays(1));
        active.EndDate.Should().Be(predecessorEnds.AddDays(1).AddMonths(12).AddDays(-1));
        _deal.Outbox.Of<ContractActivated>().Single(a => a.ContractId == id).StartDate.Should().Be(predecessorEnds.AddDays(1));
    }

    [Fact]
    public async Task The_follow_up_reminder_is_recorded_on_the_running_deal()
    {
        var id = await _deal.ActiveAsync();
        var end = (await _deal.InState(id, m => m.Active)).EndDate!.Value;

        await _deal.Publish(new ContractEndingSoon(id, GivenContract.Reseller, end, 90, _deal.Clock.GetUtcNow()));
        await _deal.Harness.InactivityTask;

        (await _deal.TimelineIn(id, m => m.Active)).Ordered.Should().Contain(h => h.Step == "ContractEndingSoon");
    }

    [Fact]
    public async Task A_successors_devices_are_ordered_and_chased_by_the_predecessors_last_day()
    {
        var predecessor = Guid.NewGuid();
        var dueBy = _deal.Clock.Today.AddDays(6);
        var id = await _deal.SignAsync(predecessor, dueBy);

        await _deal.Publish(new CreditApproved(id, 720m, _deal.Clock.GetUtcNow()));

        var deal = await _deal.InState(id, m => m.AwaitingDispatch);
        _deal.Timeline(id).PredecessorId.Should().Be(predecessor);
        _deal.Outbox.Of<CheckCredit>().Single(c => c.ContractId == id).PredecessorId.Should().Be(predecessor, "credit re-checks the customer for a successor");
        _deal.Outbox.Of<CreateShipment>().Single(c => c.ContractId == id).DeliverBy.Should().Be(dueBy);
        _deal.Scheduler.DueAt(DealDeadlines.DeliveryKey(id)).Should().Be(new DateTimeOffset(dueBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            "the predecessor's last day comes before the usual delivery SLA");
    }

    [Fact]
    public async Task The_deal_names_the_reseller_to_credit_and_logistics_passes_the_customer_account_on_and_keeps_a_referral_a_referral()
    {
        var id = Guid.NewGuid();
        var reseller = Guid.NewGuid();
        var account = Guid.NewGuid();
        var customer = new Customer("Muster GmbH", "DE", "DE123456789", "ap@muster.example", AccountId: account);
        await _deal.Publish(new ContractSigned(id, reseller, customer, 12, [new DealLine("NB-TP-E14", "ThinkPad E14", "Lenovo", ItemKind.Device, 1, 30m, 120m)],
            new MonthlyAmount(30m, 5.70m, 35.70m), 120m, _deal.Clock.GetUtcNow(), Role: SalesRole.Referrer));
        await _deal.InState(id, m => m.CheckingCredit);
        await _deal.Publish(new CreditApproved(id, 360m, _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.AwaitingDispatch);
        await _deal.Publish(new ShipmentDispatched(Guid.NewGuid(), id, "DHL", "JJD2", [new ShippedDevice("NB-TP-E14", "SN-9")], _deal.Clock.GetUtcNow()));
        await _deal.InState(id, m => m.InTransit);

        await _deal.Publish(new ShipmentDelivered(Guid.NewGuid(), id, _deal.Clock.GetUtcNow()));

        var deal = await _deal.InState(id, m => m.Active);
        (deal.CustomerId, deal.Role).Should().Be((account, SalesRole.Referrer));
        _deal.Outbox.Of<CheckCredit>().Single(c => c.ContractId == id).ResellerId.Should().Be(reseller);
        var shipment = _deal.Outbox.Of<CreateShipment>().Single(c => c.ContractId == id);
        (shipment.ResellerId, shipment.Customer.AccountId).Should().Be((reseller, account));
        var activated = _deal.Outbox.Of<ContractActivated>().Single(a => a.ContractId == id);
        (activated.Role, activated.Customer.AccountId, activated.ResellerId).Should().Be((SalesRole.Referrer, account, reseller));
    }
}
