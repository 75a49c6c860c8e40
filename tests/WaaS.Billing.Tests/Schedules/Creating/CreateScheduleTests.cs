using FluentAssertions;
using WaaS.Billing.Schedules;
using WaaS.Billing.Schedules.Creating;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Billing.Tests.Schedules.Creating;

/// <summary>Given no schedule (or one), when the contract is activated, then the whole schedule at once.</summary>
public sealed class CreateScheduleTests
{
    [Fact]
    public void Activation_draws_up_one_instalment_per_month_due_in_advance_and_publishes_BillingScheduleCreated()
    {
        var contract = Deal.Activated(termMonths: 24);

        var decision = CreateSchedule.Decide(null, contract, Deal.Now);

        var created = decision.Events.Should().ContainSingle().Which.Should().BeOfType<BillingScheduleCreated>().Subject;
        created.ContractId.Should().Be(contract.ContractId);
        created.CustomerName.Should().Be("Muster GmbH");
        created.Instalments.Should().HaveCount(24);
        created.Instalments[0].Should().Be(new Instalment(1, Deal.Start, 79.80m, 15.16m, 94.96m));
        created.Instalments[23].Should().Be(new Instalment(24, Deal.Start.AddMonths(23), 79.80m, 15.16m, 94.96m));
        decision.Messages.Should().ContainSingle().Which.Should().Be(
            new Contracts.BillingScheduleCreated(contract.ContractId, 24, Deal.Monthly, Deal.Start, Deal.Now));
    }

    [Fact]
    public void The_schedule_totals_the_gross_of_every_instalment()
    {
        var contract = Deal.Activated(termMonths: 12);
        var created = (BillingScheduleCreated)CreateSchedule.Decide(null, contract, Deal.Now).Events[0];

        BillingSchedule.Create(created).TotalGross.Should().Be(12 * 94.96m);
    }

    [Fact]
    public void A_second_activation_of_the_same_contract_changes_nothing_and_publishes_nothing()
    {
        var contract = Deal.Activated();
        var existing = Deal.Given(contract.ContractId, 12);

        CreateSchedule.Decide(existing, contract, Deal.Now).Should().Be(Decision.Nothing);
    }
}
