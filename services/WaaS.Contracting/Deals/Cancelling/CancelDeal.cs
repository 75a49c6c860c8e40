using Marten;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracting.Deals.Reading;
using WaaS.Contracting.Deals.Timeline;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.Deals.Cancelling;

public sealed record CancelDealRequest(string? Reason);

/// <summary>
/// Operations cancel a deal before its devices leave the warehouse (distributor-only, issue 10). The API checks the state for a
/// clear answer; the saga applies the command (committed through the outbox) and refuses it if the deal moved on.
/// </summary>
public static class CancelDeal
{
    public static async Task<Results<Accepted<DealView>, ProblemHttpResult>> Handle(
        Guid id, CancelDealRequest request, IDocumentSession session, IOutbox outbox, DealStateMachine machine, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Problems.Invalid("reason", "Required", "'reason' says why the deal is cancelled.");
        }
        if (await session.LoadAsync<DealState>(id, ct) is not { } deal)
        {
            return Problems.NotFound("Deal", id);
        }
        if (CanCancel(deal, machine) is { } refusal)
        {
            return refusal.ToProblem();
        }
        outbox.Publish(new DealCancellationRequested(id, request.Reason.Trim(), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/deals/{id}", DealView.Of(deal, await session.LoadAsync<DealTimeline>(id, ct)));
    }

    /// <summary>CancelOnlyBeforeShipment: once the devices are dispatched a deal can only end by termination.</summary>
    public static Refusal? CanCancel(DealState deal, DealStateMachine m)
    {
        State[] beforeDispatch = [m.CheckingCredit, m.ManualReview, m.CreditDecisionOverdue, m.AwaitingDispatch, m.ShipmentFailed, m.ReturnedUndelivered];
        var cancellable = beforeDispatch.Any(s => s.Name == deal.CurrentState) || (deal.CurrentState == m.DeliveryOverdue.Name && !deal.Dispatched);
        return cancellable ? null : Refusal.Conflict("CancelOnlyBeforeShipment",
            $"The deal is {deal.CurrentState}; once the devices are dispatched it can only end by termination.");
    }
}
