using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Billing.Schedules;

/// <summary>Billing starts when the contract is active: the whole instalment schedule is drawn up at once.</summary>
public sealed class ContractActivatedConsumer(IDocumentSession session, IOutbox outbox, TimeProvider clock) : IConsumer<ContractActivated>
{
    public Task Consume(ConsumeContext<ContractActivated> context)
    {
        var contract = context.Message;
        var instalments = InstalmentPlan.For(contract.StartDate, contract.TermMonths, contract.Monthly);
        var now = clock.GetUtcNow();
        session.Events.StartStream<BillingSchedule>(contract.ContractId, new BillingScheduleDrawnUp(
            contract.ContractId, contract.ResellerId, contract.Customer.CompanyName, contract.Monthly, instalments, now));
        outbox.Publish(new BillingScheduleCreated(contract.ContractId, instalments.Count, contract.Monthly, contract.StartDate, now));
        return Task.CompletedTask;
    }
}
