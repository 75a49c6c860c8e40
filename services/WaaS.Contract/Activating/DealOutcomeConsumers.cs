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
    public async Task Consume(ConsumeContext<ContractActivated> context)
    {
        var e = context.Message;
        await session.AppendToContract(e.ContractId, new ContractWentLive(e.ContractId, e.StartDate, e.EndDate, e.Devices, e.ActivatedAt), context.CancellationToken);
        scheduler.Schedule(EndOfTerm.ScheduleKey(e.ContractId), new EndOfTermReached(e.ContractId, e.EndDate), EndOfTerm.DueAt(e.EndDate));
        var (reminder, remindAt) = EndOfTerm.Reminder(e.ContractId, e.ResellerId, e.EndDate, e.ActivatedAt);
        scheduler.Schedule(EndOfTerm.ReminderKey(e.ContractId), reminder, remindAt);
    }
}

/// <summary>Credit was refused: the signed contract never comes about.</summary>
public sealed class DealRejectedConsumer(IDocumentSession session) : IConsumer<DealRejected>
{
    public Task Consume(ConsumeContext<DealRejected> context)
    {
        var e = context.Message;
        return session.AppendToContract(e.ContractId, new ContractVoided(e.ContractId, e.Reason, e.RejectedAt), context.CancellationToken);
    }
}

/// <summary>The deal was cancelled before shipment: the contract is void.</summary>
public sealed class DealCancelledConsumer(IDocumentSession session) : IConsumer<DealCancelled>
{
    public Task Consume(ConsumeContext<DealCancelled> context)
    {
        var e = context.Message;
        return session.AppendToContract(e.ContractId, new ContractVoided(e.ContractId, $"Cancelled: {e.Reason}", e.CancelledAt), context.CancellationToken);
    }
}

internal static class ContractStreamAppends
{
    /// <summary>
    /// Appends through FetchForWriting: the append is version-checked against concurrent API writes, and the inline
    /// snapshot learns the stream version (a plain Append leaves it at 0, which broke the ETag/If-Match of
    /// every contract the saga activated).
    /// </summary>
    public static async Task AppendToContract(this IDocumentSession session, Guid contractId, object @event, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<RentalContract>(contractId, ct);
        stream.AppendOne(@event);
    }
}
