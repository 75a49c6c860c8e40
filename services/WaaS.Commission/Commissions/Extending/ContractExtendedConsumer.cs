using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Commission.Commissions.Extending;

/// <summary>An extension pays commission again, once per extension; it builds on the contract's payday record.</summary>
public sealed class ContractExtendedConsumer(TimeProvider clock) : IConsumer<ContractExtended>
{
    public Task Consume(ConsumeContext<ContractExtended> context) =>
        context.DecideAsync<ResellerCommission>(context.Message.ContractId, commission => Decide(commission, context.Message, clock.GetUtcNow()));

    public static Decision Decide(ResellerCommission? commission, ContractExtended extended, DateTimeOffset now)
    {
        if (commission is null)
        {
            return Decision.NotYet($"No commission recorded yet for contract {extended.ContractId}; the payday record comes first.");
        }
        return CommissionRules.ExtensionCommissionOnce(commission, extended.ExtensionNumber) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Append(new ExtensionCommissionPayable(
                extended.ContractId, extended.ExtensionNumber, extended.AddedMonths, extended.Commission, now));
    }
}
