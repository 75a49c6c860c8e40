using FluentAssertions;
using MassTransit;
using WaaS.Contracting.Deals;
using WaaS.Contracts;
using WaaS.Contracting.Tests.Branches;
using Xunit;

namespace WaaS.Contracting.Tests;

public sealed class DealStateMachineSpecs : IAsyncLifetime
{
    private static readonly DateTimeOffset SignedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _contractId = Guid.NewGuid();
    private readonly Guid _resellerId = Guid.NewGuid();
    private DealHarness _deal = null!;

    public async Task InitializeAsync() => _deal = await DealHarness.StartAsync();

    public async Task DisposeAsync() => await _deal.DisposeAsync();

    private ContractSigned Signed() => new(
        _contractId, _resellerId, new Customer("Muster GmbH", "DE", "DE123456789", "ap@muster.example"), 24,
        [
            new DealLine("NB-1", "Notebook", "Dell", ItemKind.Device, 2, 39.90m, 240m),
            new DealLine("O365-BE", "Microsoft 365", "Microsoft", ItemKind.SoftwareLicence, 2, 6.00m, 20m),
        ],
        new MonthlyAmount(91.80m, 17.44m, 109.24m), 520m, SignedAt);

    private Task<DealState> InState(Func<DealStateMachine, State> state) => _deal.InState(_contractId, state);

    private async Task Approve()
    {
        await _deal.Publish(Signed());
        await InState(m => m.CheckingCredit);
        await _deal.Publish(new CreditApproved(_contractId, 2203.20m, SignedAt.AddMinutes(1)));
        await InState(m => m.AwaitingDispatch);
    }

    [Fact]
    public async Task A_signed_contract_asks_credit_for_the_whole_contract_value()
    {
        await _deal.Publish(Signed());

        await InState(m => m.CheckingCredit);
        var check = _deal.Outbox.Of<CheckCredit>().Should().ContainSingle().Subject;
        check.ContractId.Should().Be(_contractId);
        check.Exposure.Should().Be(24 * 91.80m);
    }

    [Fact]
    public async Task Credit_approval_makes_the_whole_term_commission_payable_and_orders_the_devices()
    {
        await Approve();

        var commission = _deal.Outbox.Of<RecordCommission>().Should().ContainSingle().Subject;
        commission.Amount.Should().Be(520m);
        commission.ResellerId.Should().Be(_resellerId);
        var shipment = _deal.Outbox.Of<CreateShipment>().Should().ContainSingle().Subject;
        shipment.Items.Should().ContainSingle().Which.Should().Be(new ShipmentItem("NB-1", "Notebook", 2), "only devices are shipped");
    }

    [Fact]
    public async Task Credit_rejection_ends_the_deal_as_rejected_without_payout_or_shipment()
    {
        await _deal.Publish(Signed());
        await InState(m => m.CheckingCredit);

        await _deal.Publish(new CreditRejected(_contractId, "ExposureWithinMaximum", SignedAt.AddMinutes(1)));

        var deal = await InState(m => m.Rejected);
        _deal.Timeline(_contractId).RejectionReason.Should().Be("ExposureWithinMaximum");
        _deal.Outbox.Of<DealRejected>().Should().ContainSingle();
        _deal.Outbox.Of<RecordCommission>().Should().BeEmpty();
        _deal.Outbox.Of<CreateShipment>().Should().BeEmpty();
    }

    [Fact]
    public async Task Delivery_activates_the_contract_from_the_delivery_day_for_the_whole_term()
    {
        await Approve();
        var shipmentId = Guid.NewGuid();
        ShippedDevice[] devices = [new("NB-1", "SN-1"), new("NB-1", "SN-2")];
        await _deal.Publish(new ShipmentDispatched(shipmentId, _contractId, "DHL", "JJD1", devices, SignedAt.AddDays(2)));
        await InState(m => m.InTransit);

        await _deal.Publish(new ShipmentDelivered(shipmentId, _contractId, new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.Zero)));

        var deal = await InState(m => m.Active);
        var activated = _deal.Outbox.Of<ContractActivated>().Should().ContainSingle().Subject;
        activated.StartDate.Should().Be(new DateOnly(2026, 3, 5));
        activated.EndDate.Should().Be(new DateOnly(2028, 3, 4));
        activated.Devices.Should().BeEquivalentTo(devices);
        _deal.Timeline(_contractId).Ordered.Select(h => h.Step).Should().ContainInOrder("ContractSigned", "CreditApproved", "ShipmentDispatched", "ShipmentDelivered", "ContractActivated");
    }

    [Fact]
    public async Task Reports_from_other_services_join_the_history_whatever_the_state()
    {
        await Approve();

        await _deal.Publish(new CommissionPayable(_contractId, _resellerId, 520m, SignedAt.AddMinutes(2)));

        (await _deal.Saga.Exists(_contractId, x => x.AwaitingDispatch)).Should().NotBeNull();
        await _deal.Harness.InactivityTask;
        var deal = _deal.Saga.Sagas.Contains(_contractId)!;
        _deal.Timeline(_contractId).CommissionPayable.Should().BeTrue();
        _deal.Timeline(_contractId).Ordered.Should().Contain(h => h.Step == "CommissionPayable" && h.Service == "commission");
    }

    [Fact]
    public async Task An_ended_contract_moves_the_deal_to_ended()
    {
        await Approve();
        await _deal.Publish(new ShipmentDispatched(Guid.NewGuid(), _contractId, "DHL", "JJD1", [new("NB-1", "SN-1"), new("NB-1", "SN-2")], SignedAt));
        await InState(m => m.InTransit);
        await _deal.Publish(new ShipmentDelivered(Guid.NewGuid(), _contractId, SignedAt.AddDays(1)));
        await InState(m => m.Active);

        await _deal.Publish(new ContractEnded(_contractId, _resellerId, ContractEndReason.TerminatedEarly, new DateOnly(2026, 6, 1), 1836m, [], SignedAt.AddMonths(3)));

        var deal = await InState(m => m.Ended);
        deal.EndDate.Should().Be(new DateOnly(2026, 6, 1));
    }
}
