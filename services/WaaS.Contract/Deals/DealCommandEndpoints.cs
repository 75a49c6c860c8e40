using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Contract.Deals;

public sealed record CancelDealRequest(string? Reason);

/// <summary>
/// Operator commands on a deal. The API checks the state for a clear answer; the saga applies the command
/// (committed through the outbox) and drops it if the deal moved on in between.
/// </summary>
public static class DealCommandEndpoints
{
    private static readonly string[] Cancellable =
        ["CheckingCredit", "ManualReview", "CreditDecisionOverdue", "AwaitingDispatch", "ShipmentFailed", "ReturnedUndelivered"];

    private static readonly string[] Reshippable = ["ShipmentFailed", "ReturnedUndelivered"];

    public static async Task<Results<Accepted<DealView>, ProblemHttpResult>> Cancel(
        Guid id, CancelDealRequest request, IDocumentSession session, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Problems.Invalid("reason", "Required", "'reason' says why the deal is cancelled.");
        }
        var deal = await session.LoadAsync<DealState>(id, ct);
        if (deal is null)
        {
            return Problems.NotFound("Deal", id);
        }
        var beforeDispatch = Cancellable.Contains(deal.CurrentState) || (deal.CurrentState == "DeliveryOverdue" && !deal.Dispatched);
        if (!beforeDispatch)
        {
            return Problems.Conflict("CancelOnlyBeforeShipment",
                $"The deal is {deal.CurrentState}; once the devices are dispatched it can only end by termination.");
        }
        outbox.Publish(new DealCancellationRequested(id, request.Reason.Trim(), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/deals/{id}", DealView.Of(deal));
    }

    public static async Task<Results<Accepted<DealView>, ProblemHttpResult>> Reship(
        Guid id, IDocumentSession session, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var deal = await session.LoadAsync<DealState>(id, ct);
        if (deal is null)
        {
            return Problems.NotFound("Deal", id);
        }
        if (!Reshippable.Contains(deal.CurrentState))
        {
            return Problems.Conflict("ReshipOnlyAfterFailure", $"The deal is {deal.CurrentState}; only a failed shipment is shipped again.");
        }
        outbox.Publish(new DealReshipmentRequested(id, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/deals/{id}", DealView.Of(deal));
    }
}
