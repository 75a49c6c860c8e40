using FluentAssertions;
using WaaS.Contracting.RentalContracts.Following;
using WaaS.Contracts;
using Xunit;

namespace WaaS.Contracting.Tests;

public sealed class SuccessorRulesTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public void A_successor_is_due_by_the_predecessors_last_day_so_services_continue_without_a_gap()
    {
        var predecessor = GivenContract.Active(_clock.Today);
        _clock.AdvanceTo(predecessor.EndDate!.Value.AddDays(-30));
        var successor = GivenContract.Draft(24);

        SuccessorRules.Check(successor, predecessor, _clock.Today).Should().BeNull();
        SuccessorRules.DevicesDueBy(predecessor, _clock.Today).Should().Be(predecessor.EndDate.Value);
        SuccessorRules.ReturnDeadline(predecessor).Should().Be(predecessor.EndDate.Value.AddDays(ReturnTerms.WindowDays));
    }

    [Fact]
    public void A_successor_ordered_late_is_due_at_the_latest_by_the_return_deadline()
    {
        var predecessor = GivenContract.Active(_clock.Today);
        _clock.AdvanceTo(predecessor.EndDate!.Value.AddDays(-2));

        SuccessorRules.Check(GivenContract.Draft(), predecessor, _clock.Today).Should().BeNull();
        SuccessorRules.DevicesDueBy(predecessor, _clock.Today).Should().Be(SuccessorRules.ReturnDeadline(predecessor));
    }

    [Fact]
    public void A_successor_that_could_not_arrive_before_the_return_deadline_is_rejected()
    {
        var predecessor = GivenContract.Active(_clock.Today);
        _clock.AdvanceTo(SuccessorRules.ReturnDeadline(predecessor).AddDays(-SuccessorRules.MinimumDeliveryLeadDays + 1));

        // Still active in this fold (the end-of-term step has not run), which isolates the lead-time rule.
        SuccessorRules.Check(GivenContract.Draft(), predecessor, _clock.Today)!.Rule.Should().Be("SuccessorDevicesBeforeReturnDeadline");
    }

    [Fact]
    public void A_successor_must_be_for_the_same_customer_and_reseller()
    {
        var predecessor = GivenContract.Active(_clock.Today);

        SuccessorRules.Check(GivenContract.Draft(customer: "Other AG"), predecessor, _clock.Today)!.Rule.Should().Be("SuccessorForSameCustomer");
        SuccessorRules.Check(GivenContract.Draft(reseller: Guid.NewGuid()), predecessor, _clock.Today)!.Rule.Should().Be("SuccessorFromSameReseller");
    }

    [Fact]
    public void Only_a_draft_can_be_linked_to_a_running_predecessor_that_has_no_successor_yet()
    {
        var predecessor = GivenContract.Active(_clock.Today);
        var signedSuccessor = GivenContract.Active(_clock.Today);
        var taken = predecessor.Apply(new WaaS.Contracting.RentalContracts.SuccessorLinked(predecessor.Id, Guid.NewGuid(), _clock.GetUtcNow()));

        SuccessorRules.Check(signedSuccessor, predecessor, _clock.Today)!.Rule.Should().Be("LinkSuccessorBeforeSigning");
        SuccessorRules.Check(GivenContract.Draft(), taken, _clock.Today)!.Rule.Should().Be("OneSuccessorPerContract");
        SuccessorRules.Check(GivenContract.Draft(), GivenContract.Draft(), _clock.Today)!.Rule.Should().Be("PredecessorMustBeActive");
    }
}
