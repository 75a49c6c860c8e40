using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracting.Deals.Reading;
using WaaS.Contracting.Deals.Timeline;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.Deals.Reshipping;

/// <summary>Operations ship again after a failed or undelivered shipment; the saga orders it and sets a new deadline.</summary>
public static class ReshipDeal
{
    public static async Task<Results<Accepted<DealView>, ProblemHttpResult>> Handle(
        Guid id, IDocumentSession session, IOutbox outbox, DealStateMachine machine, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<DealState>(id, ct) is not { } deal)
        {
            return Problems.NotFound("Deal", id);
        }
        if (CanReship(deal, machine) is { } refusal)
        {
            return refusal.ToProblem();
        }
        outbox.Publish(new DealReshipmentRequested(id, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/deals/{id}", DealView.Of(deal, await session.LoadAsync<DealTimeline>(id, ct)));
    }

    /// <summary>ReshipOnlyAfterFailure.</summary>
    public static Refusal? CanReship(DealState deal, DealStateMachine m) =>
        deal.CurrentState == m.ShipmentFailed.Name || deal.CurrentState == m.ReturnedUndelivered.Name
            ? null
            : Refusal.Conflict("ReshipOnlyAfterFailure", $"The deal is {deal.CurrentState}; only a failed shipment is shipped again.");
}
