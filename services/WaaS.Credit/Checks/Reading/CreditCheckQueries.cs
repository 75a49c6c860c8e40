using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Credit.Bureau;
using WaaS.Credit.Customers;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Credit.Checks.Reading;

/// <summary>
/// One line of the risk team's worklist: the referred check (deal, successor or extension), the rules that referred
/// it, the bureau's answer, the exposure it was decided on and the customer's exposure and dunning now.
/// </summary>
public sealed record CreditReview(
    Guid Id,
    Guid ContractId,
    CheckKind Kind,
    string CustomerName,
    string Country,
    string? CustomerKey,
    Guid ResellerId,
    decimal Exposure,
    int TermMonths,
    CreditDecision Decision,
    string? Reason,
    DateTimeOffset ReferredAt,
    IReadOnlyList<RuleResult> ReferredBy,
    BureauAnswer? Bureau,
    decimal? ExposureAtCheck,
    decimal? CurrentExposure,
    bool InDunning,
    CreditEvaluation? Evaluation);

/// <summary>Reads from the inline <see cref="CreditCheck"/> snapshot, scoped to what the caller may see.</summary>
public static class CreditCheckQueries
{
    /// <summary>
    /// One check. The owning reseller sees the decision and its reason (the deal shows the reason anyway, and the
    /// reseller needs it to act, e.g. a missing VAT id), but neither which of the distributor's people reviewed it nor
    /// the evaluation (the customer's exposure across other resellers' deals and its bureau report are the distributor's).
    /// Another reseller's check is not found, like an unknown one.
    /// </summary>
    public static async Task<Results<Ok<CreditCheck>, ProblemHttpResult>> Get(Guid contractId, Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.Query<CreditCheck>().Where(c => c.Id == contractId)
                .VisibleTo(caller, c => c.ResellerId, c => c.CustomerId).FirstOrDefaultAsync(ct) is { } check
            ? TypedResults.Ok(caller.IsDistributor ? check : check with { ReviewedBy = null, Evaluation = null, CustomerKey = null })
            : Problems.NotFound("Credit check", contractId);

    /// <summary>The checks an operator still has to decide, longest waiting first (the distributor's worklist).</summary>
    public static async Task<Ok<IReadOnlyList<CreditReview>>> AwaitingReview(Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var checks = await session.Query<CreditCheck>()
            .Where(c => c.Decision == CreditDecision.Referred)
            .VisibleTo(caller, c => c.ResellerId, c => c.CustomerId)
            .OrderBy(c => c.DecidedAt).ToListAsync(ct);
        var keys = checks.Select(c => c.CustomerKey).OfType<string>().Distinct().ToArray();
        var exposures = keys.Length == 0 ? [] : (await session.LoadManyAsync<CustomerExposure>(ct, keys)).ToDictionary(x => x.Id);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok<IReadOnlyList<CreditReview>>([.. checks.Select(c =>
        {
            var exposure = c.CustomerKey is { } key ? exposures.GetValueOrDefault(key) : null;
            return new CreditReview(c.Id, c.ContractId == Guid.Empty ? c.Id : c.ContractId, c.Kind, c.CustomerName, c.Country, c.CustomerKey, c.ResellerId,
                c.Exposure, c.TermMonths, c.Decision, c.Reason, c.ReferredAt ?? c.DecidedAt,
                c.Evaluation?.Rules.Where(r => r.Outcome != RuleOutcome.Passed).ToList() ?? [],
                c.Evaluation?.Bureau, c.Evaluation?.TotalExposure, exposure?.Total(today), exposure?.InDunning ?? false, c.Evaluation);
        })]);
    }
}
