using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.Webhooks.Delivery;
using WaaS.Webhooks.Events;

namespace WaaS.Webhooks.Subscriptions.Pinging;

public sealed record PingQueued(Guid SubscriptionId, Guid EventId);

/// <summary>Sends a <c>webhook.ping.v1</c> to one subscription, signed like any event; its attempts show in the log.</summary>
public static class PingSubscription
{
    public static async Task<Results<Accepted<PingQueued>, ProblemHttpResult>> Handle(Guid id, Caller caller, IDocumentSession session,
        DeliveryQueue queue, TimeProvider clock, CancellationToken ct)
    {
        if (await session.FindAsync(id, caller, ct) is not { } subscription)
        {
            return Problems.NotFound("Subscription", id);
        }
        await queue.EnsureAsync(ct);
        var now = clock.GetUtcNow();
        var e = new WebhookEvent(Guid.NewGuid(), EventTypes.Ping, "/waas/webhooks", subscription.Id.ToString(), now, [], [],
            JsonSerializer.Serialize(new PingV1(subscription.Id, $"Ping requested by {caller.Subject}.", now), EventTypes.Json), OnlyFor: subscription.Id);
        session.Store(e);
        queue.Enqueue(session, subscription.Id, e.Id, now, "ping", now, behindBackoff: false);
        await session.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/subscriptions/{id}/deliveries", new PingQueued(id, e.Id));
    }
}
