using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Billing.Schedules.Extending;

/// <summary>An extension adds instalments at the original monthly amount after the existing ones; once per extension.</summary>
public static class ExtendSchedule
{
    public static Decision Decide(BillingSchedule? schedule, ContractExtended extension, DateTimeOffset now)
    {
        if (schedule is null)
        {
            return Decision.NotYet($"No billing schedule yet for contract {extension.ContractId}.");
        }
        if (BillingScheduleRules.ClosedScheduleCannotBeExtended(schedule) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var monthsSoFar = extension.TermMonths - extension.AddedMonths;
        if (schedule.Instalments.Count >= extension.TermMonths)
        {
            // This extension (or a later one) is in already.
            return Decision.Nothing;
        }
        if (schedule.Instalments.Count < monthsSoFar)
        {
            return Decision.NotYet($"Extension {extension.ExtensionNumber} of {extension.ContractId} arrived before the one preceding it.");
        }
        var added = InstalmentPlan.Extension(schedule.Instalments[0].DueDate, monthsSoFar, extension.AddedMonths, extension.Monthly);
        return Decision.Append(new ScheduleExtended(extension.ContractId, extension.ExtensionNumber, added, now));
    }
}

public sealed class ContractExtendedConsumer(TimeProvider clock) : IConsumer<ContractExtended>
{
    public Task Consume(ConsumeContext<ContractExtended> context) =>
        context.DecideAsync<BillingSchedule>(context.Message.ContractId,
            schedule => ExtendSchedule.Decide(schedule, context.Message, clock.GetUtcNow()));
}
