using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.Webhooks.Delivery;
using WaaS.Webhooks.Events;

namespace WaaS.Webhooks.Subscriptions.Replaying;

/// <summary>Replay one event (<see cref="EventId"/>) or every event of a time range (<see cref="From"/> inclusive, <see cref="To"/> exclusive).</summary>
public sealed record ReplayRequest(Guid? EventId, DateTimeOffset? From, DateTimeOffset? To);

public sealed record ReplayQueued(Guid SubscriptionId, int Queued, IReadOnlyList<Guid> EventIds);

/// <summary>
/// Queues events again for one subscription, with their original ids (a receiver that already has one skips it), in
/// the order they happened. Only events the subscription would have received (its types, its tenant's scope).
/// </summary>
public static class ReplayEvents
{
    public const int MaxEvents = 10_000;
    public const string ReplayScope = "ReplayScope";
    public const string ReplayRange = "ReplayRange";
    public const string ReplayTooLarge = "ReplayTooLarge";

    public static async Task<Results<Accepted<ReplayQueued>, ProblemHttpResult>> Handle(Guid id, ReplayRequest request, Caller caller,
        IDocumentSession session, DeliveryQueue queue, TimeProvider clock, CancellationToken ct)
    {
        if (request.EventId is null == (request.From is null && request.To is null))
        {
            return Problems.Invalid("eventId", ReplayScope, "Give either 'eventId', or 'from' and 'to'.");
        }
        if (request.EventId is null && (request.From is not { } f || request.To is not { } t || t <= f))
        {
            return Problems.Invalid("to", ReplayRange, "'from' and 'to' are both required, 'to' after 'from'.");
        }
        if (await session.FindAsync(id, caller, ct) is not { } subscription)
        {
            return Problems.NotFound("Subscription", id);
        }
        IReadOnlyList<WebhookEvent> events;
        if (request.EventId is { } eventId)
        {
            var one = await session.LoadAsync<WebhookEvent>(eventId, ct);
            if (one is null || !subscription.Wants(one))
            {
                return Problems.NotFound("Event", eventId);
            }
            events = [one];
        }
        else
        {
            var from = request.From!.Value;
            var to = request.To!.Value;
            var inRange = await session.Query<WebhookEvent>().Where(e => e.Time >= from && e.Time < to).OrderBy(e => e.Time)
                .Take(MaxEvents * 4).ToListAsync(ct);
            events = [.. inRange.Where(subscription.Wants)];
            if (events.Count > MaxEvents)
            {
                return Problems.RuleBroken(ReplayTooLarge, $"More than {MaxEvents} events in this range; replay a shorter one.", "to");
            }
        }
        await queue.EnsureAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var e in events)
        {
            queue.Enqueue(session, subscription.Id, e.Id, e.Time, "replay", now, behindBackoff: false);
        }
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/subscriptions/{id}/deliveries", new ReplayQueued(id, events.Count, [.. events.Select(e => e.Id)]));
    }
}
