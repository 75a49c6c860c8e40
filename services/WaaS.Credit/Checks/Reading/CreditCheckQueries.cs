using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Credit.Checks.Reading;

/// <summary>Reads from the inline <see cref="CreditCheck"/> snapshot, scoped to what the caller may see.</summary>
public static class CreditCheckQueries
{
    /// <summary>
    /// One check. The owning reseller sees the decision and its reason (the deal shows the reason anyway, and the
    /// reseller needs it to act, e.g. a missing VAT id), but not which of the distributor's people reviewed it.
    /// Another reseller's check is not found, like an unknown one.
    /// </summary>
    public static async Task<Results<Ok<CreditCheck>, ProblemHttpResult>> Get(Guid contractId, Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.Query<CreditCheck>().Where(c => c.Id == contractId)
                .VisibleTo(caller, c => c.ResellerId, c => c.CustomerId).FirstOrDefaultAsync(ct) is { } check
            ? TypedResults.Ok(caller.IsDistributor ? check : check with { ReviewedBy = null })
            : Problems.NotFound("Credit check", contractId);

    /// <summary>The checks an operator still has to decide, longest waiting first (the distributor's worklist).</summary>
    public static async Task<Ok<IReadOnlyList<CreditCheck>>> AwaitingReview(Caller caller, IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CreditCheck>>(await session.Query<CreditCheck>()
            .Where(c => c.Decision == CreditDecision.Referred)
            .VisibleTo(caller, c => c.ResellerId, c => c.CustomerId)
            .OrderBy(c => c.DecidedAt).ToListAsync(ct));
}
