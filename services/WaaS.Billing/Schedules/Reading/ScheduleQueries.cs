using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Billing.Schedules.Reading;

/// <summary>Reads the inline <see cref="BillingSchedule"/> snapshot, scoped to what the caller may see.</summary>
public static class ScheduleQueries
{
    /// <summary>One contract's schedule; another tenant's is not found, like an unknown one.</summary>
    public static async Task<Results<Ok<BillingSchedule>, ProblemHttpResult>> Get(Guid contractId, Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.Query<BillingSchedule>().Where(s => s.Id == contractId)
                .VisibleTo(caller, s => s.ResellerId, s => s.CustomerId).FirstOrDefaultAsync(ct) is { } schedule
            ? TypedResults.Ok(schedule)
            : Problems.NotFound("Billing schedule", contractId);
}
