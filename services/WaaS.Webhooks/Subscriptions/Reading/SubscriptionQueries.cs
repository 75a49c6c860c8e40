using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.Webhooks.Delivery;

namespace WaaS.Webhooks.Subscriptions.Reading;

/// <summary>A subscription's queue (pending first) and its delivery log.</summary>
public sealed record DeliveriesView(Guid SubscriptionId, int Pending, IReadOnlyList<DeliveryRow> Items);

public sealed record AttemptsView(Guid SubscriptionId, IReadOnlyList<AttemptRow> Items);

/// <summary>Reads, scoped in the query: the owner's own subscriptions; operations all, read-only.</summary>
public static class SubscriptionQueries
{
    public static async Task<Ok<IReadOnlyList<SubscriptionView>>> List(string? status, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var all = await session.Query<Subscription>().VisibleTo(caller).OrderBy(s => s.CreatedAt).Take(1000).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<SubscriptionView>>([.. all
            .Where(s => string.IsNullOrEmpty(status) || string.Equals(s.Status.ToString(), status, StringComparison.OrdinalIgnoreCase))
            .Select(s => SubscriptionView.From(s, now))]);
    }

    public static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        await session.FindAsync(id, caller, ct) is { } s ? TypedResults.Ok(SubscriptionView.From(s, clock.GetUtcNow())) : Problems.NotFound("Subscription", id);

    /// <summary>The most recent deliveries (state pending, delivered), newest first.</summary>
    public static async Task<Results<Ok<DeliveriesView>, ProblemHttpResult>> Deliveries(Guid id, string? state, int? limit, Caller caller,
        IQuerySession session, DeliveryQueue queue, CancellationToken ct)
    {
        if (await session.FindAsync(id, caller, ct) is null)
        {
            return Problems.NotFound("Subscription", id);
        }
        var rows = await queue.DeliveriesAsync(id, state, Math.Clamp(limit ?? 100, 1, 1000), ct);
        var pending = (await queue.DeliveriesAsync(id, "pending", 1000, ct)).Count;
        return TypedResults.Ok(new DeliveriesView(id, pending, rows));
    }

    /// <summary>Every attempt: time, status code, latency, the first bytes of the answer or the error; newest first.</summary>
    public static async Task<Results<Ok<AttemptsView>, ProblemHttpResult>> Attempts(Guid id, DateTimeOffset? from, DateTimeOffset? to, int? limit,
        Caller caller, IQuerySession session, DeliveryQueue queue, CancellationToken ct)
    {
        if (await session.FindAsync(id, caller, ct) is null)
        {
            return Problems.NotFound("Subscription", id);
        }
        return TypedResults.Ok(new AttemptsView(id, await queue.AttemptsAsync(id, from, to, Math.Clamp(limit ?? 100, 1, 1000), ct)));
    }
}
