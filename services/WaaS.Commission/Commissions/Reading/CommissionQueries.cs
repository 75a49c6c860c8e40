using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Commission.Commissions.Reading;

/// <summary>Reads from the inline <see cref="ResellerCommission"/> snapshot.</summary>
public static class CommissionQueries
{
    public static async Task<Results<Ok<ResellerCommission>, ProblemHttpResult>> Get(Guid contractId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ResellerCommission>(contractId, ct) is { } commission
            ? TypedResults.Ok(commission)
            : Problems.NotFound("Commission", contractId);

    /// <summary>A reseller's commissions, earliest payable first; a reseller sees only its own.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ResellerCommission>>, ProblemHttpResult>> ByReseller(
        Guid? resellerId, IQuerySession session, CancellationToken ct) =>
        resellerId is null
            ? Problems.Invalid("resellerId", "Required", "Filter by 'resellerId'.")
            : TypedResults.Ok<IReadOnlyList<ResellerCommission>>(await session.Query<ResellerCommission>()
                .Where(c => c.ResellerId == resellerId).OrderBy(c => c.PayableAt).ToListAsync(ct));
}
