using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.Webhooks.Delivery;

namespace WaaS.Webhooks.Subscriptions.Pausing;

/// <summary>
/// Pause stops deliveries (events keep queueing); resume starts them again, also after we disabled the subscription
/// (410 or failing for days): everything queued meanwhile goes at once, in order.
/// </summary>
public static class PauseSubscription
{
    public static Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Pause(Guid id, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, caller, session, clock, ct, (s, now) => s with
        {
            Status = SubscriptionStatus.Paused, StatusReason = $"Paused by {caller.Subject}.", StatusChangedAt = now,
        }, null);

    public static Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Resume(Guid id, Caller caller, IDocumentSession session, TimeProvider clock,
        DeliveryQueue queue, CancellationToken ct) =>
        ChangeAsync(id, caller, session, clock, ct, (s, now) => s with
        {
            Status = SubscriptionStatus.Active, StatusReason = null, StatusChangedAt = now, FailingSince = null,
        }, (s, now) => queue.DueNow(session, s.Id, now));

    private static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> ChangeAsync(Guid id, Caller caller, IDocumentSession session,
        TimeProvider clock, CancellationToken ct, Func<Subscription, DateTimeOffset, Subscription> change, Action<Subscription, DateTimeOffset>? also)
    {
        if (await session.FindAsync(id, caller, ct) is not { } subscription)
        {
            return Problems.NotFound("Subscription", id);
        }
        var now = clock.GetUtcNow();
        var changed = change(subscription, now);
        session.Store(changed);
        also?.Invoke(changed, now);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Problems.Conflict("ConcurrentChange", "The subscription changed meanwhile (a delivery finished); retry.");
        }
        return TypedResults.Ok(SubscriptionView.From(changed, now));
    }
}
