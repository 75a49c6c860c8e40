using Marten;
using MassTransit;
using WaaS.Contract.Contracts;
using WaaS.Contract.Terms;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contract.Activating;

/// <summary>The saga decided the contract runs: record it on the contract's own stream and plan its end.</summary>
public sealed class ContractActivatedConsumer(IDocumentSession session, IDurableScheduler scheduler) : IConsumer<ContractActivated>
{
    public Task Consume(ConsumeContext<ContractActivated> context)
    {
        var e = context.Message;
        session.Events.Append(e.ContractId, new ContractWentLive(e.ContractId, e.StartDate, e.EndDate, e.Devices, e.ActivatedAt));
        scheduler.Schedule(EndOfTerm.ScheduleKey(e.ContractId), new EndOfTermReached(e.ContractId, e.EndDate), EndOfTerm.DueAt(e.EndDate));
        return Task.CompletedTask;
    }
}

/// <summary>Credit was refused: the signed contract never comes about.</summary>
public sealed class DealRejectedConsumer(IDocumentSession session) : IConsumer<DealRejected>
{
    public Task Consume(ConsumeContext<DealRejected> context)
    {
        var e = context.Message;
        session.Events.Append(e.ContractId, new ContractVoided(e.ContractId, e.Reason, e.RejectedAt));
        return Task.CompletedTask;
    }
}

/// <summary>The deal was cancelled before shipment: the contract is void.</summary>
public sealed class DealCancelledConsumer(IDocumentSession session) : IConsumer<DealCancelled>
{
    public Task Consume(ConsumeContext<DealCancelled> context)
    {
        var e = context.Message;
        session.Events.Append(e.ContractId, new ContractVoided(e.ContractId, $"Cancelled: {e.Reason}", e.CancelledAt));
        return Task.CompletedTask;
    }
}
