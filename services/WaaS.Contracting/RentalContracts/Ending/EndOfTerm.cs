using WaaS.Contracts;

namespace WaaS.Contracting.RentalContracts.Ending;

/// <summary>
/// Fires the day after a contract's last day (scheduled durably, moved by extensions). Its stored name is fixed, so it
/// still fires after the type moves: such schedules wait months in the database.
/// </summary>
[MassTransit.MessageUrn("waas:contracting:end-of-term-reached")]
public sealed record EndOfTermReached(Guid ContractId, DateOnly EndDate);

/// <summary>
/// No automatic renewal and no notice: a contract simply ends at its end date. The end-of-term step is a
/// durable schedule keyed per contract, so an extension moves it and an early termination drops it.
/// </summary>
public static class EndOfTerm
{
    /// <summary>Days before the end date at which the reseller is reminded to follow up.</summary>
    public const int ReminderDays = 90;

    public static string ScheduleKey(Guid contractId) => $"contract:{contractId}:end-of-term";

    public static string ReminderKey(Guid contractId) => $"contract:{contractId}:ending-soon";

    /// <summary>The reminder for <paramref name="endDate"/>: 90 days ahead, or at once when the end is nearer already.</summary>
    public static (ContractEndingSoon Message, DateTimeOffset DueAt) Reminder(Guid contractId, Guid resellerId, DateOnly endDate, DateTimeOffset now)
    {
        var at = new DateTimeOffset(endDate.AddDays(-ReminderDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var dueAt = at > now ? at : now;
        var daysLeft = endDate.DayNumber - DateOnly.FromDateTime(dueAt.UtcDateTime).DayNumber;
        return (new ContractEndingSoon(contractId, resellerId, endDate, daysLeft, dueAt), dueAt);
    }

    /// <summary>The first moment after the last contract day (end dates are inclusive, UTC days).</summary>
    public static DateTimeOffset DueAt(DateOnly endDate) => new(endDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>ContractEndsOnItsEndDate: an active contract whose last day has passed has ended.</summary>
    public static bool HasEnded(RentalContract contract, DateOnly today) =>
        contract.Status == ContractStatus.Active && contract.EndDate is { } end && today > end;
}
