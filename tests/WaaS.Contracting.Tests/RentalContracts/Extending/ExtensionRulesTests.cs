using FluentAssertions;
using WaaS.Contracting.RentalContracts;
using WaaS.Contracting.RentalContracts.Extending;
using WaaS.Contracting.RentalContracts.Ending;
using WaaS.ServiceDefaults.Writes;
using Xunit;
using ContractExtended = WaaS.Contracts.ContractExtended;

namespace WaaS.Contracting.Tests;

public sealed class ExtensionRulesTests
{
    private readonly TestClock _clock = new();

    private static string? RuleOf(Decision decision) => decision.Refused?.Rule;

    [Fact]
    public void Extending_a_12_month_contract_by_3_months_moves_its_end_and_its_end_of_term()
    {
        var contract = GivenContract.Active(_clock.Today);
        _clock.Advance(TimeSpan.FromDays(300));

        var decision = ExtendContract.Decide(contract, 3, _clock.GetUtcNow());

        decision.Refused.Should().BeNull();
        var extended = decision.Events.OfType<WaaS.Contracting.RentalContracts.ContractExtended>().Single();
        extended.NewEndDate.Should().Be(contract.StartDate!.Value.AddMonths(15).AddDays(-1));
        var message = decision.Messages.OfType<ContractExtended>().Single();
        message.ExtensionNumber.Should().Be(1);
        message.TermMonths.Should().Be(15);
        message.Monthly.Should().Be(contract.Monthly, "an extension keeps the original conditions");
        decision.Schedules.Single(s => s.Key == EndOfTerm.ScheduleKey(contract.Id)).DueAt.Should().Be(EndOfTerm.DueAt(extended.NewEndDate));
        decision.Schedules.Single(s => s.Key == EndOfTerm.ReminderKey(contract.Id)).DueAt
            .Should().Be(new DateTimeOffset(extended.NewEndDate.AddDays(-EndOfTerm.ReminderDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    [Fact]
    public void An_extension_pays_the_original_commission_pro_rata_and_is_numbered()
    {
        var contract = GivenContract.Active(_clock.Today).Extended(3, _clock.GetUtcNow());

        var message = ExtendContract.Decide(contract, 6, _clock.GetUtcNow()).Messages.OfType<ContractExtended>().Single();

        message.ExtensionNumber.Should().Be(2);
        message.Commission.Should().Be(264m * 6 / 12);
        message.TermMonths.Should().Be(21);
    }

    [Fact]
    public void Extending_a_36_month_contract_is_rejected() =>
        RuleOf(ExtendContract.Decide(GivenContract.Active(_clock.Today, termMonths: 36), 3, _clock.GetUtcNow()))
            .Should().Be("ExtendOnly12Or24MonthTerms");

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Extending_by_other_than_steps_of_3_months_is_rejected(int months) =>
        RuleOf(ExtendContract.Decide(GivenContract.Active(_clock.Today), months, _clock.GetUtcNow())).Should().Be("ExtendInStepsOf3Months");

    [Fact]
    public void Extending_beyond_36_months_is_rejected()
    {
        var contract = GivenContract.Active(_clock.Today, termMonths: 24).Extended(9, _clock.GetUtcNow());

        RuleOf(ExtendContract.Decide(contract, 6, _clock.GetUtcNow())).Should().Be("ExtensionMayNotExceed36Months");
        ExtendContract.Decide(contract, 3, _clock.GetUtcNow()).Refused.Should().BeNull("exactly 36 months is allowed");
    }

    [Fact]
    public void Extending_beyond_the_device_warranty_is_rejected()
    {
        var contract = GivenContract.Active(_clock.Today, termMonths: 24, warrantyMonths: 27);

        RuleOf(ExtendContract.Decide(contract, 6, _clock.GetUtcNow())).Should().Be("ExtensionMayNotExceedWarranty");
        ExtendContract.Decide(contract, 3, _clock.GetUtcNow()).Refused.Should().BeNull();
    }

    [Fact]
    public void Extending_a_contract_that_is_not_active_is_a_conflict()
    {
        var draft = GivenContract.Draft();
        var ended = GivenContract.Active(_clock.Today).Apply(new WaaS.Contracting.RentalContracts.ContractEnded(draft.Id, WaaS.Contracts.ContractEndReason.EndOfTerm, _clock.Today, 0m, _clock.GetUtcNow()));

        var fromDraft = ExtendContract.Decide(draft, 3, _clock.GetUtcNow());
        var fromEnded = ExtendContract.Decide(ended, 3, _clock.GetUtcNow());

        RuleOf(fromDraft).Should().Be("ExtendOnlyActiveContracts");
        fromDraft.Refused!.Kind.Should().Be(RefusalKind.Conflict);
        RuleOf(fromEnded).Should().Be("ExtendOnlyActiveContracts");
    }
}
