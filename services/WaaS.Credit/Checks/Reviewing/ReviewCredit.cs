using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Credit.Checks.Reviewing;

public sealed record ReviewRequest(bool? Approve, string? Reason, string? ReviewedBy);

/// <summary>An operator decides a check the policy referred to manual review; the deal proceeds or ends on it.</summary>
public static class ReviewCredit
{
    public static async Task<Results<Ok<CreditCheck>, ProblemHttpResult>> Handle(
        Guid contractId, ReviewRequest request, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        // A malformed review answers 400 even for an unknown check: the request is wrong whatever is stored.
        if (Validate(request) is { } invalid)
        {
            return invalid.ToProblem();
        }
        var now = clock.GetUtcNow();
        return await http.DecideAsync(contractId, (CreditCheck check) => Decide(check, request, now), ct);
    }

    public static Refusal? Validate(ReviewRequest request)
    {
        var v = new Validation()
            .Require(request.Approve is not null, "approve", "Required", "'approve' is true or false.")
            .Required(request.ReviewedBy, "reviewedBy")
            .Require(request.Approve != false || !string.IsNullOrWhiteSpace(request.Reason), "reason", "Required", "A rejection needs a reason.");
        return v.IsValid ? null : Refusal.Invalid(v.Errors);
    }

    public static Decision Decide(CreditCheck check, ReviewRequest request, DateTimeOffset now)
    {
        if ((Validate(request) ?? CreditCheckRules.ReviewOnlyReferredChecks(check)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var reviewer = request.ReviewedBy!.Trim();
        if (request.Approve == true)
        {
            return Decision.Append(new CreditApproved(check.Id, check.Exposure, request.Reason, reviewer, now))
                .AndPublish(new Contracts.CreditApproved(check.Id, check.Exposure, now));
        }
        var reason = $"RejectedOnReview: {request.Reason!.Trim()}";
        return Decision.Append(new CreditRejected(check.Id, reason, reviewer, now))
            .AndPublish(new Contracts.CreditRejected(check.Id, reason, now));
    }
}
