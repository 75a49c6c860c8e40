using FluentAssertions;
using WaaS.Billing.Schedules;
using WaaS.Billing.Schedules.ClosingEarly;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Billing.Tests.Schedules.ClosingEarly;

/// <summary>Given a schedule, when the contract ends, then the remaining instalments give way to the fee (early) or nothing.</summary>
public sealed class CloseScheduleEarlyTests
{
    private readonly Guid _contract = Guid.NewGuid();

    [Fact]
    public void Ending_early_keeps_the_instalments_due_by_the_last_day_and_records_the_termination_fee()
    {
        var schedule = Deal.Given(_contract, 12);
        var lastDay = Deal.Start.AddDays(100);

        var decision = CloseScheduleEarly.Decide(schedule, Deal.Ended(_contract, ContractEndReason.TerminatedEarly, lastDay, 638.40m), Deal.Now);

        var closed = decision.Events.Should().ContainSingle().Which.Should().BeOfType<ScheduleClosedEarly>().Subject;
        closed.Should().Be(new ScheduleClosedEarly(_contract, lastDay, 638.40m, Deal.Now));
        var after = schedule.Apply(closed);
        after.Instalments.Should().HaveCount(4, "months 1–4 began within 100 days and were invoiced in advance");
        after.TerminationFee.Should().Be(638.40m);
        decision.Messages.Should().BeEmpty();
    }

    [Fact]
    public void A_schedule_closed_already_is_not_closed_again()
    {
        var schedule = Deal.Given(_contract, 12, new ScheduleClosedEarly(_contract, Deal.Start.AddDays(100), 638.40m, Deal.Now));

        CloseScheduleEarly.Decide(schedule, Deal.Ended(_contract, ContractEndReason.TerminatedEarly, Deal.Start.AddDays(200), 1m), Deal.Now)
            .Should().Be(Decision.Nothing);
    }

    [Fact]
    public void The_end_of_the_term_changes_nothing()
    {
        var schedule = Deal.Given(_contract, 12);

        CloseScheduleEarly.Decide(schedule, Deal.Ended(_contract, ContractEndReason.EndOfTerm, Deal.Start.AddMonths(12).AddDays(-1), 0m), Deal.Now)
            .Should().Be(Decision.Nothing);
    }

    [Fact]
    public void Without_a_schedule_there_is_nothing_to_close()
    {
        CloseScheduleEarly.Decide(null, Deal.Ended(_contract, ContractEndReason.TerminatedEarly, Deal.Start.AddDays(100), 638.40m), Deal.Now)
            .Should().Be(Decision.Nothing);
    }
}
