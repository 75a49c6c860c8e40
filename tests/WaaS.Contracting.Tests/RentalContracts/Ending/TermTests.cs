using FluentAssertions;
using WaaS.Contracting.RentalContracts;
using WaaS.Contracting.RentalContracts.Terminating;
using WaaS.Contracting.RentalContracts.Ending;
using WaaS.Contracts;
using Xunit;

namespace WaaS.Contracting.Tests;

public sealed class TermTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public void A_contract_has_not_ended_on_its_last_day_and_has_ended_the_day_after()
    {
        var contract = GivenContract.Active(_clock.Today);

        _clock.AdvanceTo(contract.EndDate!.Value);
        EndOfTerm.HasEnded(contract, _clock.Today).Should().BeFalse();

        _clock.Advance(TimeSpan.FromDays(1));
        EndOfTerm.HasEnded(contract, _clock.Today).Should().BeTrue();
        EndOfTerm.DueAt(contract.EndDate.Value).Should().Be(new DateTimeOffset(contract.EndDate.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    [Fact]
    public void The_follow_up_reminder_falls_90_days_before_the_end_date()
    {
        var contract = GivenContract.Active(_clock.Today, termMonths: 24);

        var (reminder, dueAt) = EndOfTerm.Reminder(contract.Id, contract.ResellerId, contract.EndDate!.Value, _clock.GetUtcNow());

        DateOnly.FromDateTime(dueAt.UtcDateTime).Should().Be(contract.EndDate.Value.AddDays(-90));
        reminder.DaysLeft.Should().Be(90);
    }

    [Fact]
    public void A_reminder_for_an_end_nearer_than_90_days_is_due_at_once()
    {
        var contract = GivenContract.Active(_clock.Today);
        _clock.AdvanceTo(contract.EndDate!.Value.AddDays(-30));

        var (reminder, dueAt) = EndOfTerm.Reminder(contract.Id, contract.ResellerId, contract.EndDate.Value, _clock.GetUtcNow());

        dueAt.Should().Be(_clock.GetUtcNow());
        reminder.DaysLeft.Should().Be(30);
    }

    [Fact]
    public void An_extended_contract_does_not_end_at_its_original_end_date()
    {
        var contract = GivenContract.Active(_clock.Today).Extended(3, _clock.GetUtcNow());

        _clock.AdvanceTo(contract.StartDate!.Value.AddMonths(12));

        EndOfTerm.HasEnded(contract, _clock.Today).Should().BeFalse();
        contract.TotalTermMonths.Should().Be(15);
    }

    [Fact]
    public void A_terminated_contract_does_not_end_again_at_its_end_date()
    {
        var contract = GivenContract.Active(_clock.Today);
        var terminated = contract.Apply(new WaaS.Contracting.RentalContracts.ContractEnded(contract.Id, ContractEndReason.TerminatedEarly, _clock.Today, 100m, _clock.GetUtcNow()));

        _clock.AdvanceTo(contract.EndDate!.Value.AddDays(1));

        EndOfTerm.HasEnded(terminated, _clock.Today).Should().BeFalse();
        terminated.EndReason.Should().Be(ContractEndReason.TerminatedEarly);
    }

    [Fact]
    public void Terminating_on_the_first_day_charges_all_but_the_first_month()
    {
        var contract = GivenContract.Active(_clock.Today);

        EarlyTermination.FeeFor(contract, _clock.Today).Should().Be(11 * 72m);
    }

    [Fact]
    public void Terminating_after_100_days_charges_the_months_not_yet_invoiced()
    {
        var contract = GivenContract.Active(_clock.Today);
        _clock.Advance(TimeSpan.FromDays(100));

        // Months 1–4 start within the first 100 days and are invoiced in advance; 8 remain.
        EarlyTermination.FeeFor(contract, _clock.Today).Should().Be(8 * 72m);
    }

    [Fact]
    public void Terminating_an_extended_contract_charges_the_extended_months_too()
    {
        var contract = GivenContract.Active(_clock.Today).Extended(6, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromDays(100));

        EarlyTermination.FeeFor(contract, _clock.Today).Should().Be(14 * 72m);
    }

    [Fact]
    public void Terminating_in_the_last_month_charges_nothing_more()
    {
        var contract = GivenContract.Active(_clock.Today);
        _clock.AdvanceTo(contract.EndDate!.Value);

        EarlyTermination.FeeFor(contract, _clock.Today).Should().Be(0m);
    }
}
