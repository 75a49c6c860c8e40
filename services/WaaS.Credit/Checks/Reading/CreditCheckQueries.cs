using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Credit.Checks.Reading;

/// <summary>Reads from the inline <see cref="CreditCheck"/> snapshot.</summary>
public static class CreditCheckQueries
{
    public static async Task<Results<Ok<CreditCheck>, ProblemHttpResult>> Get(Guid contractId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CreditCheck>(contractId, ct) is { } check
            ? TypedResults.Ok(check)
            : Problems.NotFound("Credit check", contractId);

    /// <summary>The checks an operator still has to decide, longest waiting first.</summary>
    public static async Task<Ok<IReadOnlyList<CreditCheck>>> AwaitingReview(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CreditCheck>>(await session.Query<CreditCheck>()
            .Where(c => c.Decision == CreditDecision.Referred).OrderBy(c => c.DecidedAt).ToListAsync(ct));
}
