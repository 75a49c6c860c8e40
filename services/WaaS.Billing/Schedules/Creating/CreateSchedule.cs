using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Billing.Schedules.Creating;

/// <summary>Billing starts when the contract is active: the whole instalment schedule is drawn up at once.</summary>
public static class CreateSchedule
{
    public static Decision Decide(BillingSchedule? existing, ContractActivated contract, DateTimeOffset now)
    {
        if (existing is not null)
        {
            // The same activation again (under another message id): the schedule is drawn up once.
            return Decision.Nothing;
        }
        var instalments = InstalmentPlan.For(contract.StartDate, contract.TermMonths, contract.Monthly);
        return Decision.Append(new BillingScheduleCreated(
                contract.ContractId, contract.ResellerId, contract.Customer.CompanyName, contract.Monthly, instalments, now, contract.Customer.AccountId))
            .AndPublish(new Contracts.BillingScheduleCreated(contract.ContractId, instalments.Count, contract.Monthly, contract.StartDate, now));
    }
}

public sealed class ContractActivatedConsumer(TimeProvider clock) : IConsumer<ContractActivated>
{
    public Task Consume(ConsumeContext<ContractActivated> context) =>
        context.DecideAsync<BillingSchedule>(context.Message.ContractId,
            existing => CreateSchedule.Decide(existing, context.Message, clock.GetUtcNow()));
}
