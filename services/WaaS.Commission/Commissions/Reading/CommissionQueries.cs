using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Commission.Commissions.Reading;

/// <summary>Reads from the inline <see cref="ResellerCommission"/> snapshot, scoped to what the caller may see.</summary>
public static class CommissionQueries
{
    /// <summary>One contract's commission; another reseller's is not found, like an unknown one.</summary>
    public static async Task<Results<Ok<ResellerCommission>, ProblemHttpResult>> Get(Guid contractId, Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.Query<ResellerCommission>().Where(c => c.Id == contractId)
                .VisibleTo(caller, c => c.ResellerId).FirstOrDefaultAsync(ct) is { } commission
            ? TypedResults.Ok(commission)
            : Problems.NotFound("Commission", contractId);

    /// <summary>
    /// A reseller's commissions, earliest payable first. The filter narrows what the caller sees, never widens it: a
    /// reseller naming another reseller (not one of its sub-resellers) gets an empty list.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<ResellerCommission>>, ProblemHttpResult>> ByReseller(
        Guid? resellerId, Caller caller, IQuerySession session, CancellationToken ct) =>
        resellerId is null
            ? Problems.Invalid("resellerId", "Required", "Filter by 'resellerId'.")
            : TypedResults.Ok<IReadOnlyList<ResellerCommission>>(await session.Query<ResellerCommission>()
                .Where(c => c.ResellerId == resellerId)
                .VisibleTo(caller, c => c.ResellerId)
                .OrderBy(c => c.PayableAt).ToListAsync(ct));
}
