using WaaS.ServiceDefaults.Writes;

namespace WaaS.Billing.Schedules;

/// <summary>What a schedule allows once it exists: extensions add on at the end; an early close is final.</summary>
public static class BillingScheduleRules
{
    /// <summary>
    /// After an early termination the schedule is final: an extension that reaches billing afterwards cannot be billed
    /// (the termination fee already priced the months that were left).
    /// </summary>
    public static Refusal? ClosedScheduleCannotBeExtended(BillingSchedule schedule) => schedule.TerminationFee is null ? null
        : Refusal.Conflict("ClosedScheduleCannotBeExtended",
            $"The schedule of contract {schedule.Id} was closed early with a termination fee of {schedule.TerminationFee:0.00} EUR.", "terminationFee");
}
