using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Billing.Schedules.ClosingEarly;

/// <summary>An early termination replaces the remaining instalments by the termination fee; an end of term changes nothing.</summary>
public static class CloseScheduleEarly
{
    public static Decision Decide(BillingSchedule? schedule, ContractEnded ended, DateTimeOffset now)
    {
        if (ended.Reason != ContractEndReason.TerminatedEarly)
        {
            // At the end of the term every instalment has been due: nothing to close.
            return Decision.Nothing;
        }
        if (schedule is null || schedule.TerminationFee is not null)
        {
            // No schedule to close (the contract never became active), or closed already.
            return Decision.Nothing;
        }
        return Decision.Append(new ScheduleClosedEarly(ended.ContractId, ended.EndDate, ended.TerminationFee, now));
    }
}

public sealed class ContractEndedConsumer(TimeProvider clock) : IConsumer<ContractEnded>
{
    public Task Consume(ConsumeContext<ContractEnded> context) =>
        context.DecideAsync<BillingSchedule>(context.Message.ContractId,
            schedule => CloseScheduleEarly.Decide(schedule, context.Message, clock.GetUtcNow()));
}
