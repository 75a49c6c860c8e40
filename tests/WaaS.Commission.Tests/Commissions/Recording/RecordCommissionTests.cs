using FluentAssertions;
using WaaS.Commission.Commissions;
using WaaS.Commission.Commissions.Recording;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Commission.Tests.Commissions.Recording;

/// <summary>Given no commission yet (or one), when RecordCommission arrives, then payday or a refusal.</summary>
public sealed class RecordCommissionTests
{
    [Fact]
    public void Payday_makes_the_whole_terms_commission_payable_and_announces_it()
    {
        var command = new Contracts.RecordCommission(Guid.NewGuid(), Guid.NewGuid(), 480m, 24);

        var decision = RecordCommissionConsumer.Decide(null, command, Given.Payday);

        decision.Refused.Should().BeNull();
        decision.Events.Should().Equal(new CommissionPayable(command.ContractId, command.ResellerId, 480m, 24, Given.Payday));
        decision.Messages.Should().Equal(new Contracts.CommissionPayable(command.ContractId, command.ResellerId, 480m, Given.Payday));
        var commission = ResellerCommission.Create((CommissionPayable)decision.Events[0]);
        commission.Should().Be(new ResellerCommission(command.ContractId, command.ResellerId, 480m, 24, CommissionStatus.Payable, Given.Payday));
        commission.TotalPayable.Should().Be(480m);
    }

    [Fact]
    public void A_second_payday_for_the_contract_is_refused_with_CommissionOncePerContract_and_the_first_stands()
    {
        var contractId = Guid.NewGuid();
        var existing = Given.Commission(contractId, 144m);

        var decision = RecordCommissionConsumer.Decide(existing, new Contracts.RecordCommission(contractId, existing.ResellerId, 999m, 24), Given.Payday);

        decision.Refused.Should().Be(Refusal.Conflict("CommissionOncePerContract", decision.Refused!.Message, "contractId"));
        decision.Refused.Message.Should().Contain("144.00");
        decision.Events.Should().BeEmpty();
        decision.Messages.Should().BeEmpty();
    }
}
