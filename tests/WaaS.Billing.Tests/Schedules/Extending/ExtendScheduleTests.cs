using FluentAssertions;
using WaaS.Billing.Schedules;
using WaaS.Billing.Schedules.Extending;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Billing.Tests.Schedules.Extending;

/// <summary>Given a schedule's events, when an extension arrives, then instalments at the original amount, once, in order.</summary>
public sealed class ExtendScheduleTests
{
    private readonly Guid _contract = Guid.NewGuid();

    [Fact]
    public void An_extension_adds_its_months_after_the_existing_instalments_at_the_original_monthly_amount()
    {
        var schedule = Deal.Given(_contract, 12);
        var extension = Deal.Extended(_contract, 1) with { Monthly = new MonthlyAmount(99m, 18.81m, 117.81m) };

        var decision = ExtendSchedule.Decide(schedule, extension, Deal.Now);

        var extended = decision.Events.Should().ContainSingle().Which.Should().BeOfType<ScheduleExtended>().Subject;
        extended.ExtensionNumber.Should().Be(1);
        extended.Added.Select(i => (i.Number, i.DueDate)).Should().Equal(
            (13, Deal.Start.AddMonths(12)), (14, Deal.Start.AddMonths(13)), (15, Deal.Start.AddMonths(14)));
        extended.Added.Should().OnlyContain(i => i.Gross == 117.81m, "the extension carries the contract's original conditions");
        decision.Messages.Should().BeEmpty();
        schedule.Apply(extended).Instalments.Should().HaveCount(15);
    }

    [Fact]
    public void An_extension_already_in_the_schedule_changes_nothing()
    {
        var first = (ScheduleExtended)ExtendSchedule.Decide(Deal.Given(_contract, 12), Deal.Extended(_contract, 1), Deal.Now).Events[0];
        var schedule = Deal.Given(_contract, 12, first);

        ExtendSchedule.Decide(schedule, Deal.Extended(_contract, 1), Deal.Now).Should().Be(Decision.Nothing);
    }

    [Fact]
    public void An_extension_before_the_schedule_exists_is_retried_later()
    {
        var decision = ExtendSchedule.Decide(null, Deal.Extended(_contract, 1), Deal.Now);

        decision.ArrivedEarly.Should().Contain(_contract.ToString());
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void A_second_extension_that_overtakes_the_first_is_retried_until_the_first_is_in()
    {
        var schedule = Deal.Given(_contract, 12);

        var decision = ExtendSchedule.Decide(schedule, Deal.Extended(_contract, 2), Deal.Now);

        decision.ArrivedEarly.Should().Contain("Extension 2");
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void A_schedule_closed_early_refuses_an_extension_with_ClosedScheduleCannotBeExtended()
    {
        var schedule = Deal.Given(_contract, 12, new ScheduleClosedEarly(_contract, Deal.Start.AddDays(100), 638.40m, Deal.Now));

        var decision = ExtendSchedule.Decide(schedule, Deal.Extended(_contract, 1), Deal.Now);

        decision.Refused.Should().Be(BillingScheduleRules.ClosedScheduleCannotBeExtended(schedule));
        decision.Refused!.Rule.Should().Be("ClosedScheduleCannotBeExtended");
        decision.Refused.Kind.Should().Be(RefusalKind.Conflict);
        decision.Refused.Field.Should().Be("terminationFee");
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void An_open_schedule_breaks_no_rule()
    {
        BillingScheduleRules.ClosedScheduleCannotBeExtended(Deal.Given(_contract, 12)).Should().BeNull();
    }
}
