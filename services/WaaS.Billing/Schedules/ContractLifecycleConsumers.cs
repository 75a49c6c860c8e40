using Marten;
using MassTransit;
using WaaS.Contracts;

namespace WaaS.Billing.Schedules;

/// <summary>An extension adds instalments at the original monthly amount; once per extension number.</summary>
public sealed class ContractExtendedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ContractExtended>
{
    public async Task Consume(ConsumeContext<ContractExtended> context)
    {
        var e = context.Message;
        var stream = await session.Events.FetchForWriting<BillingSchedule>(e.ContractId, context.CancellationToken);
        if (stream.Aggregate is not { } schedule)
        {
            throw new InvalidOperationException($"No billing schedule yet for contract {e.ContractId}; retrying.");
        }
        var monthsSoFar = e.TermMonths - e.AddedMonths;
        if (schedule.Instalments.Count >= e.TermMonths)
        {
            return;
        }
        if (schedule.Instalments.Count < monthsSoFar)
        {
            // An earlier extension has not arrived yet; the retry picks this one up after it.
            throw new InvalidOperationException($"Extension {e.ExtensionNumber} of {e.ContractId} arrived before the one preceding it.");
        }
        var start = schedule.Instalments[0].DueDate;
        stream.AppendOne(new ScheduleExtended(e.ContractId, e.ExtensionNumber,
            InstalmentPlan.Extension(start, monthsSoFar, e.AddedMonths, e.Monthly), clock.GetUtcNow()));
    }
}

/// <summary>An early termination replaces the remaining instalments by the termination fee.</summary>
public sealed class ContractEndedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ContractEnded>
{
    public async Task Consume(ConsumeContext<ContractEnded> context)
    {
        var e = context.Message;
        if (e.Reason != ContractEndReason.TerminatedEarly)
        {
            return;
        }
        var stream = await session.Events.FetchForWriting<BillingSchedule>(e.ContractId, context.CancellationToken);
        if (stream.Aggregate is null || stream.Aggregate.TerminationFee is not null)
        {
            return;
        }
        stream.AppendOne(new ScheduleClosedEarly(e.ContractId, e.EndDate, e.TerminationFee, clock.GetUtcNow()));
    }
}
