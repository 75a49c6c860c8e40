using FluentAssertions;
using WaaS.Contract.Contracts;
using WaaS.Contract.Extending;
using WaaS.Contract.Terms;
using Xunit;
using ContractExtended = WaaS.Contracts.ContractExtended;

namespace WaaS.Contract.Tests;

public sealed class ExtensionRulesTests
{
    private readonly TestClock _clock = new();

    private static string? RuleOf(Decision decision) => decision.Problem?.ProblemDetails.Extensions["rule"] as string;

    [Fact]
    public void Extending_a_12_month_contract_by_3_months_moves_its_end_and_its_end_of_term()
    {
        var contract = Contracts.Active(_clock.Today);
        _clock.Advance(TimeSpan.FromDays(300));

        var decision = ExtensionEndpoints.Decide(contract, 3, _clock.GetUtcNow());

        decision.Problem.Should().BeNull();
        var extended = decision.Events.OfType<TermExtended>().Single();
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
        var contract = Contracts.Active(_clock.Today).Extended(3, _clock.GetUtcNow());

        var message = ExtensionEndpoints.Decide(contract, 6, _clock.GetUtcNow()).Messages.OfType<ContractExtended>().Single();

        message.ExtensionNumber.Should().Be(2);
        message.Commission.Should().Be(264m * 6 / 12);
        message.TermMonths.Should().Be(21);
    }

    [Fact]
    public void Extending_a_36_month_contract_is_rejected() =>
        RuleOf(ExtensionEndpoints.Decide(Contracts.Active(_clock.Today, termMonths: 36), 3, _clock.GetUtcNow()))
            .Should().Be("ExtendOnly12Or24MonthTerms");

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Extending_by_other_than_steps_of_3_months_is_rejected(int months) =>
        RuleOf(ExtensionEndpoints.Decide(Contracts.Active(_clock.Today), months, _clock.GetUtcNow())).Should().Be("ExtendInStepsOf3Months");

    [Fact]
    public void Extending_beyond_36_months_is_rejected()
    {
        var contract = Contracts.Active(_clock.Today, termMonths: 24).Extended(9, _clock.GetUtcNow());

        RuleOf(ExtensionEndpoints.Decide(contract, 6, _clock.GetUtcNow())).Should().Be("ExtensionMayNotExceed36Months");
        ExtensionEndpoints.Decide(contract, 3, _clock.GetUtcNow()).Problem.Should().BeNull("exactly 36 months is allowed");
    }

    [Fact]
    public void Extending_beyond_the_device_warranty_is_rejected()
    {
        var contract = Contracts.Active(_clock.Today, termMonths: 24, warrantyMonths: 27);

        RuleOf(ExtensionEndpoints.Decide(contract, 6, _clock.GetUtcNow())).Should().Be("ExtensionMayNotExceedWarranty");
        ExtensionEndpoints.Decide(contract, 3, _clock.GetUtcNow()).Problem.Should().BeNull();
    }

    [Fact]
    public void Extending_a_contract_that_is_not_active_is_a_conflict()
    {
        var draft = Contracts.Draft();
        var ended = Contracts.Active(_clock.Today).Apply(new TermExpired(draft.Id, _clock.Today, _clock.GetUtcNow()));

        var fromDraft = ExtensionEndpoints.Decide(draft, 3, _clock.GetUtcNow());
        var fromEnded = ExtensionEndpoints.Decide(ended, 3, _clock.GetUtcNow());

        RuleOf(fromDraft).Should().Be("ExtendOnlyActiveContracts");
        fromDraft.Problem!.ProblemDetails.Status.Should().Be(409);
        RuleOf(fromEnded).Should().Be("ExtendOnlyActiveContracts");
    }
}
