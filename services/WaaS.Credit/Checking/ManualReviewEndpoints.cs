using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Credit.Checking;

public sealed record ReviewDecision(bool? Approve, string? Reason, string? ReviewedBy);

/// <summary>An operator decides a check the policy referred to manual review.</summary>
public static class ManualReviewEndpoints
{
    public static async Task<Ok<IReadOnlyList<CreditCheck>>> Pending(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CreditCheck>>(await session.Query<CreditCheck>()
            .Where(c => c.Decision == CreditDecision.Referred).OrderBy(c => c.DecidedAt).ToListAsync(ct));

    public static async Task<Results<Ok<CreditCheck>, ProblemHttpResult>> Decide(
        Guid contractId, ReviewDecision request, IDocumentSession session, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation()
            .Require(request.Approve is not null, "approve", "Required", "'approve' is true or false.")
            .Required(request.ReviewedBy, "reviewedBy")
            .Require(request.Approve != false || !string.IsNullOrWhiteSpace(request.Reason), "reason", "Required", "A rejection needs a reason.");
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }
        var stream = await session.Events.FetchForWriting<CreditCheck>(contractId, ct);
        if (stream.Aggregate is not { } check)
        {
            return Problems.NotFound("Credit check", contractId);
        }
        if (check.Decision != CreditDecision.Referred)
        {
            return Problems.Conflict("ReviewOnlyReferredChecks", $"The check is already {check.Decision}.");
        }
        var now = clock.GetUtcNow();
        var reviewer = request.ReviewedBy!.Trim();
        if (request.Approve == true)
        {
            stream.AppendOne(new CreditReviewDecided(contractId, CreditDecision.Approved, request.Reason, reviewer, now));
            outbox.Publish(new CreditApproved(contractId, check.Exposure, now));
        }
        else
        {
            var reason = $"RejectedOnReview: {request.Reason!.Trim()}";
            stream.AppendOne(new CreditReviewDecided(contractId, CreditDecision.Rejected, reason, reviewer, now));
            outbox.Publish(new CreditRejected(contractId, reason, now));
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ConcurrentReview", "Another operator decided this check at the same time.");
        }
        return TypedResults.Ok((await session.LoadAsync<CreditCheck>(contractId, ct))!);
    }
}
