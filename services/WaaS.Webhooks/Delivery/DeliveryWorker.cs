using Marten;
using WaaS.Webhooks.Events;
using WaaS.Webhooks.Subscriptions;

namespace WaaS.Webhooks.Delivery;

/// <summary>
/// Takes due deliveries from the queue and runs up to <see cref="WebhookSettings.MaxConcurrency"/> attempts at once,
/// at most one per subscription (a slow or dead receiver holds one slot, bounded by the timeout, and never the others').
/// Each attempt's outcome, its log row and the subscription's health are committed together.
/// </summary>
public sealed partial class DeliveryWorker(
    IDocumentStore store, DeliveryQueue queue, Sender sender, WebhookSettings settings, TimeProvider clock, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(settings.MaxConcurrency, settings.MaxConcurrency);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = settings.Timeout + TimeSpan.FromSeconds(30);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var free = _slots.CurrentCount;
                var claimed = free == 0 ? [] : await queue.ClaimAsync(free, clock.GetUtcNow(), lease, stoppingToken);
                foreach (var delivery in claimed)
                {
                    await _slots.WaitAsync(stoppingToken);
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await AttemptAsync(delivery, stoppingToken);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            // The lease runs out and the delivery is tried again.
                            LogAttemptFailed(logger, delivery.Id, ex);
                        }
                        finally
                        {
                            _slots.Release();
                        }
                    }, CancellationToken.None);
                }
                if (claimed.Count == 0)
                {
                    await Task.Delay(settings.Poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogClaimFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>One attempt of one delivery.</summary>
    public async Task AttemptAsync(ClaimedDelivery delivery, CancellationToken ct)
    {
        Subscription? subscription;
        WebhookEvent? e;
        await using (var read = store.QuerySession())
        {
            subscription = await read.LoadAsync<Subscription>(delivery.SubscriptionId, ct);
            e = await read.LoadAsync<WebhookEvent>(delivery.EventId, ct);
        }
        if (subscription is not { Status: SubscriptionStatus.Active } || e is null || !Uri.TryCreate(subscription.Url, UriKind.Absolute, out var target))
        {
            await queue.ReleaseAsync(delivery.Id, ct);
            return;
        }

        var now = clock.GetUtcNow();
        var (body, contentType) = Envelope.Encode(e, subscription);
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = e.Id.ToString(),
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = Signer.Sign(subscription.SigningSecretsAt(now), e.Id.ToString(), now.ToUnixTimeSeconds(), body),
        };
        var result = await sender.SendAsync(target, body, contentType, headers, ct);
        await RecordAsync(delivery, e.Type, result, ct);
    }

    private async Task RecordAsync(ClaimedDelivery delivery, string eventType, AttemptResult result, CancellationToken ct)
    {
        // The owner may pause or rotate meanwhile (optimistic concurrency): then read again and record again.
        for (var attempt = 0; ; attempt++)
        {
            var at = clock.GetUtcNow();
            await using var session = store.LightweightSession();
            var subscription = await session.LoadAsync<Subscription>(delivery.SubscriptionId, ct);
            if (subscription is null)
            {
                return;
            }
            DateTimeOffset? next = result.Outcome == AttemptOutcome.Delivered
                ? null
                : at + Backoff.After(delivery.Attempts + 1, result.RetryAfter, Random.Shared.NextDouble());
            queue.Record(session, delivery, eventType, result, at, next);
            if (Health.After(subscription, result, at, settings.DisableAfter) is { } changed)
            {
                session.Store(changed);
            }
            try
            {
                await session.SaveChangesAsync(ct);
                return;
            }
            catch (JasperFx.ConcurrencyException) when (attempt < 5)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} attempt failed unexpectedly; it is retried after its lease")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming deliveries failed; retrying")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}

/// <summary>How an attempt changes a subscription: failing since when, and disabled on 410 or after failing for days.</summary>
public static class Health
{
    public const string ReceiverGone = "ReceiverGone";
    public const string FailingForDays = "FailingForDays";

    /// <summary>The subscription as it now stands, or null when the attempt changes nothing.</summary>
    public static Subscription? After(Subscription subscription, AttemptResult result, DateTimeOffset at, TimeSpan disableAfter) => result.Outcome switch
    {
        AttemptOutcome.Delivered => subscription.FailingSince is null ? null : subscription with { FailingSince = null },
        AttemptOutcome.Gone => subscription with
        {
            Status = SubscriptionStatus.Disabled,
            StatusReason = $"{ReceiverGone}: the receiver answered 410 Gone at {at:u}; resume the subscription to deliver again.",
            StatusChangedAt = at,
            FailingSince = subscription.FailingSince ?? at,
        },
        _ when subscription.FailingSince is { } since && at - since >= disableAfter => subscription with
        {
            Status = SubscriptionStatus.Disabled,
            StatusReason = $"{FailingForDays}: every attempt since {since:u} failed (last: {result.StatusCode?.ToString() ?? result.Error}); " +
                           "events keep queueing; resume the subscription once the receiver works.",
            StatusChangedAt = at,
        },
        _ => subscription.FailingSince is null ? subscription with { FailingSince = at } : null,
    };
}
