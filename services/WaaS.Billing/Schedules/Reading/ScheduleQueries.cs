using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Billing.Schedules.Reading;

/// <summary>Reads the inline <see cref="BillingSchedule"/> snapshot.</summary>
public static class ScheduleQueries
{
    public static async Task<Results<Ok<BillingSchedule>, ProblemHttpResult>> Get(Guid contractId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<BillingSchedule>(contractId, ct) is { } schedule
            ? TypedResults.Ok(schedule)
            : Problems.NotFound("Billing schedule", contractId);
}
