using WaaS.Billing.Schedules;

namespace WaaS.Billing.Tests.Schedules;

/// <summary>Apart from the messages: the internal BillingScheduleCreated shares its name with the integration message.</summary>
public static partial class Deal
{
    public static BillingSchedule Given(Guid contractId, int termMonths, params object[] events)
    {
        var schedule = BillingSchedule.Create(new BillingScheduleCreated(
            contractId, Guid.NewGuid(), "Muster GmbH", Monthly, InstalmentPlan.For(Start, termMonths, Monthly), Now));
        foreach (var e in events)
        {
            schedule = e switch
            {
                ScheduleExtended extended => schedule.Apply(extended),
                ScheduleClosedEarly closed => schedule.Apply(closed),
                _ => throw new ArgumentOutOfRangeException(nameof(events)),
            };
        }
        return schedule;
    }
}
