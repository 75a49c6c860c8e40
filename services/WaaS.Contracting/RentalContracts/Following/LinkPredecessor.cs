using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Following;

public sealed record LinkPredecessorRequest(Guid? PredecessorId);

/// <summary>
/// Links a draft (from a new quote) to the contract it succeeds. Both streams change in one commit, each checked
/// against the version it was read at; a concurrent change to either answers 409.
/// </summary>
public static class LinkPredecessor
{
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Handle(
        Guid id, LinkPredecessorRequest request, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (request.PredecessorId is not { } predecessorId)
        {
            return Problems.Invalid("predecessorId", "Required", "'predecessorId' names the contract this one succeeds.");
        }
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        if (ContractRules.OnlyTheResellerChangesItsContract(caller, "link a successor to") is { } forbidden)
        {
            return forbidden.ToProblem();
        }
        // Another tenant's predecessor is as unknown as a missing one.
        var predecessor = await session.VisibleAsync(caller, predecessorId, ct);
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (RentalContract successor) => Decide(successor, predecessor, predecessorId, now), ct);
    }

    public static Decision Decide(RentalContract successor, RentalContract? predecessor, Guid predecessorId, DateTimeOffset now)
    {
        if (predecessor is null)
        {
            return Decision.Refuse(Refusal.NotFound("Contract", predecessorId));
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (SuccessorRules.Check(successor, predecessor, today) is { } broken)
        {
            return Decision.Refuse(broken);
        }
        var dueBy = SuccessorRules.DevicesDueBy(predecessor, today);
        var lastDay = predecessor.EndDate!.Value;
        return Decision.Append(new PredecessorLinked(successor.Id, predecessor.Id, dueBy, lastDay, now))
            .AndAppend(predecessor.Id, predecessor.Version, new SuccessorLinked(predecessor.Id, successor.Id, now))
            .AndPublish(new Contracts.SuccessorLinked(predecessor.Id, successor.Id, predecessor.ResellerId, lastDay, dueBy,
                SuccessorRules.ReturnDeadline(predecessor), now));
    }
}
