using FluentAssertions;
using WaaS.Commission.Commissions;
using WaaS.Commission.Commissions.Extending;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Commission.Tests.Commissions.Extending;

/// <summary>Given the contract's commission, when ContractExtended arrives, then the extension's commission once.</summary>
public sealed class ContractExtendedTests
{
    private static readonly DateTimeOffset Now = Given.Payday.AddYears(1);

    [Fact]
    public void An_extension_pays_its_commission_on_top_of_the_first()
    {
        var contractId = Guid.NewGuid();
        var commission = Given.Commission(contractId, 480m);

        var decision = ContractExtendedConsumer.Decide(commission, Given.Extended(contractId, 1, 120m), Now);

        decision.Events.Should().Equal(new ExtensionCommissionPayable(contractId, 1, 12, 120m, Now));
        decision.Messages.Should().BeEmpty("no integration message announces an extension's commission yet");
        var paid = commission.Apply((ExtensionCommissionPayable)decision.Events[0]);
        paid.Extensions.Should().Equal(new ExtensionCommission(1, 12, 120m, Now));
        paid.TotalPayable.Should().Be(600m);
    }

    [Fact]
    public void The_same_extension_again_is_refused_with_ExtensionCommissionOnce()
    {
        var contractId = Guid.NewGuid();
        var commission = Given.Commission(contractId, 480m, new ExtensionCommissionPayable(contractId, 1, 12, 120m, Now));

        var decision = ContractExtendedConsumer.Decide(commission, Given.Extended(contractId, 1, 120m), Now);

        decision.Refused.Should().Be(Refusal.Conflict("ExtensionCommissionOnce", decision.Refused!.Message, "extensionNumber"));
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void A_second_extension_is_a_commissionable_event_of_its_own()
    {
        var contractId = Guid.NewGuid();
        var commission = Given.Commission(contractId, 480m, new ExtensionCommissionPayable(contractId, 1, 12, 120m, Now));

        var decision = ContractExtendedConsumer.Decide(commission, Given.Extended(contractId, 2, 90m), Now);

        decision.Events.Should().Equal(new ExtensionCommissionPayable(contractId, 2, 12, 90m, Now));
    }

    [Fact]
    public void An_extension_before_payday_is_not_yet_paid_so_redelivery_tries_again()
    {
        var decision = ContractExtendedConsumer.Decide(null, Given.Extended(Guid.NewGuid(), 1), Now);

        decision.ArrivedEarly.Should().Contain("payday record comes first");
        decision.Refused.Should().BeNull();
        decision.Events.Should().BeEmpty();
    }
}
