using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Credit.Customers;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Credit.Checks.Reviewing;

/// <summary>
/// A reviewer's decision: approve or reject, always with a reason; an approval may set conditions: a term of at most
/// <see cref="MaximumTermMonths"/> (shorter than the deal's) and/or a <see cref="SecurityDeposit"/> (net EUR).
/// </summary>
public sealed record ReviewRequest(bool? Approve, string? Reason, string? ReviewedBy, int? MaximumTermMonths = null, decimal? SecurityDeposit = null);

/// <summary>
/// An operator decides a check the policy referred to manual review. For a deal (or successor) the deal proceeds or
/// ends on it (CreditApproved with any conditions, or CreditRejected); a rejected deal no longer counts towards the
/// customer's exposure, a shorter term or a deposit lowers its part. An extension's re-check is recorded only: the
/// extension is agreed already.
/// </summary>
public static class ReviewCredit
{
    public static async Task<Results<Ok<CreditCheck>, ProblemHttpResult>> Handle(
        Guid contractId, ReviewRequest request, TimeProvider clock, HttpContext http, IDocumentSession session, CancellationToken ct)
    {
        // A malformed review answers 400 even for an unknown check: the request is wrong whatever is stored.
        if (Validate(request) is { } invalid)
        {
            return invalid.ToProblem();
        }
        var now = clock.GetUtcNow();
        var existing = await session.LoadAsync<CreditCheck>(contractId, ct);
        var exposure = existing?.CustomerKey is { } key && existing.Kind != CheckKind.Extension ? await session.LoadAsync<CustomerExposure>(key, ct) : null;
        return await http.DecideAsync(contractId, (CreditCheck check) =>
        {
            var decision = Decide(check, request, now);
            if (decision.Refused is null && exposure is not null)
            {
                Reviewed(exposure, check, request, now);
                session.Store(exposure);
            }
            return decision;
        }, ct);
    }

    public static Refusal? Validate(ReviewRequest request)
    {
        var v = new Validation()
            .Require(request.Approve is not null, "approve", "Required", "'approve' is true or false.")
            .Required(request.ReviewedBy, "reviewedBy")
            .Require(!string.IsNullOrWhiteSpace(request.Reason), "reason", "Required", "Every review decision needs its reason.")
            .Require(request.Approve != false || (request.MaximumTermMonths is null && request.SecurityDeposit is null), "approve", "ConditionsOnlyOnApproval",
                "A term or a security deposit are conditions of an approval.")
            .Require(request.MaximumTermMonths is not <= 0, "maximumTermMonths", "Positive", "'maximumTermMonths' is a number of months above zero.")
            .Require(request.SecurityDeposit is not <= 0, "securityDeposit", "Positive", "'securityDeposit' is an amount above zero (net EUR).");
        return v.IsValid ? null : Refusal.Invalid(v.Errors);
    }

    /// <summary>LowerTermOnly: a term condition must shorten the deal's term.</summary>
    public static Refusal? LowerTermOnly(CreditCheck check, ReviewRequest request) =>
        request.MaximumTermMonths is { } term && term >= check.TermMonths
            ? Refusal.Broken("LowerTermOnly", $"A term condition must be shorter than the deal's {check.TermMonths} months; {term} is not.", "maximumTermMonths")
            : null;

    public static Decision Decide(CreditCheck check, ReviewRequest request, DateTimeOffset now)
    {
        if ((Validate(request) ?? CreditCheckRules.ReviewOnlyReferredChecks(check) ?? LowerTermOnly(check, request)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var reviewer = request.ReviewedBy!.Trim();
        var reason = request.Reason!.Trim();
        var announce = check.Kind != CheckKind.Extension;
        if (request.Approve == true)
        {
            var approved = Decision.Append(new CreditApproved(check.ContractId, check.Exposure, reason, reviewer, now, null, request.MaximumTermMonths, request.SecurityDeposit));
            return announce
                ? approved.AndPublish(new Contracts.CreditApproved(check.ContractId, check.Exposure, now, request.MaximumTermMonths, request.SecurityDeposit))
                : approved;
        }
        var rejection = $"RejectedOnReview: {reason}";
        var rejected = Decision.Append(new CreditRejected(check.ContractId, rejection, reviewer, now));
        return announce ? rejected.AndPublish(new Contracts.CreditRejected(check.ContractId, rejection, now)) : rejected;
    }

    /// <summary>The deal's part of the exposure after review: gone when rejected; for the shorter term, less the deposit, when approved on conditions.</summary>
    public static void Reviewed(CustomerExposure exposure, CreditCheck check, ReviewRequest request, DateTimeOffset now)
    {
        if (request.Approve != true)
        {
            exposure.Voided(check.ContractId, now);
            return;
        }
        var term = request.MaximumTermMonths ?? check.TermMonths;
        var amount = check.TermMonths == 0 ? check.Exposure : check.Exposure * term / check.TermMonths;
        exposure.Deal(check.ContractId, Math.Max(0m, Math.Round(amount - (request.SecurityDeposit ?? 0m), 2)), term, now);
    }
}
