using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Commission.Commissions.Recording;

/// <summary>Payday, once the deal may come about: the whole term's commission is payable and announced in the same commit.</summary>
public sealed class RecordCommissionConsumer(TimeProvider clock) : IConsumer<RecordCommission>
{
    public Task Consume(ConsumeContext<RecordCommission> context) =>
        context.DecideAsync<ResellerCommission>(context.Message.ContractId, existing => Decide(existing, context.Message, clock.GetUtcNow()));

    public static Decision Decide(ResellerCommission? existing, RecordCommission command, DateTimeOffset now) =>
        CommissionRules.CommissionOncePerContract(existing) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Append(new CommissionPayable(command.ContractId, command.ResellerId, command.Amount, command.TermMonths, now))
                .AndPublish(new Contracts.CommissionPayable(command.ContractId, command.ResellerId, command.Amount, now));
}
