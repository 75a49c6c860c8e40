using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contract.Contracts;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Contract.Following;

public sealed record LinkPredecessorRequest(Guid? PredecessorId);

public static class SuccessorEndpoints
{
    /// <summary>
    /// Links a draft (from a new quote) to the contract it succeeds. Both streams change in one commit; a concurrent
    /// change to either answers 409.
    /// </summary>
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> LinkPredecessor(
        Guid id, LinkPredecessorRequest request, IDocumentSession session, IOutbox outbox, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (request.PredecessorId is not { } predecessorId)
        {
            return Problems.Invalid("predecessorId", "Required", "'predecessorId' names the contract this one succeeds.");
        }
        if (!ETag.TryReadIfMatch(http.Request, out var expected))
        {
            return ContractWrites.MalformedIfMatch;
        }
        try
        {
            var successor = await ContractWrites.FetchAsync(session, id, expected, ct);
            if (successor.Aggregate is null)
            {
                return Problems.NotFound("Contract", id);
            }
            var predecessor = await ContractWrites.FetchAsync(session, predecessorId, null, ct);
            if (predecessor.Aggregate is null)
            {
                return Problems.NotFound("Contract", predecessorId);
            }
            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (SuccessorRules.Check(successor.Aggregate, predecessor.Aggregate, today) is { } broken)
            {
                return broken.IsConflict ? Problems.Conflict(broken.Rule, broken.Message) : Problems.RuleBroken(broken.Rule, broken.Message, "predecessorId");
            }
            var old = predecessor.Aggregate;
            var dueBy = SuccessorRules.DevicesDueBy(old, today);
            successor.AppendOne(new PredecessorLinked(id, predecessorId, dueBy, old.EndDate!.Value, now));
            predecessor.AppendOne(new SuccessorAssigned(predecessorId, id, now));
            outbox.Publish(new SuccessorLinked(predecessorId, id, old.ResellerId, old.EndDate!.Value, dueBy, SuccessorRules.ReturnDeadline(old), now));
            return await ContractWrites.CommitAsync(session, id, http, ct);
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ExpectedVersion", "One of the contracts changed meanwhile; reload and retry.", "If-Match");
        }
    }
}
