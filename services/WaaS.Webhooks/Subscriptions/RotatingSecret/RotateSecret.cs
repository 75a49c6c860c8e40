using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.Webhooks.Delivery;

namespace WaaS.Webhooks.Subscriptions.RotatingSecret;

/// <summary>How long the secrets in use stay valid beside the new one (1 to 168 hours, 24 by default).</summary>
public sealed record RotationRequest(int? OverlapHours);

/// <summary>The new secret, shown this once, and until when the previous ones still sign.</summary>
public sealed record RotatedSecret(string Secret, DateTimeOffset PreviousValidUntil, SubscriptionView Subscription);

/// <summary>
/// Rotation with overlap: until the overlap ends every delivery carries a signature by the new and by the previous
/// secret (Standard Webhooks allows several in <c>webhook-signature</c>), so a receiver can switch secrets at its pace.
/// </summary>
public static class RotateSecret
{
    public const string OverlapRange = "OverlapRange";

    public static async Task<Results<Ok<RotatedSecret>, ProblemHttpResult>> Handle(Guid id, RotationRequest? request, Caller caller,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var hours = request?.OverlapHours ?? 24;
        if (hours is < 1 or > 168)
        {
            return Problems.Invalid("overlapHours", OverlapRange, "Between 1 and 168 hours.");
        }
        if (await session.FindAsync(id, caller, ct) is not { } subscription)
        {
            return Problems.NotFound("Subscription", id);
        }
        var now = clock.GetUtcNow();
        var until = now.AddHours(hours);
        var secret = Signer.NewSecret();
        var rotated = Decide(subscription, secret, now, until);
        session.Store(rotated);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return Problems.Conflict("ConcurrentChange", "The subscription changed meanwhile (a delivery finished); retry.");
        }
        return TypedResults.Ok(new RotatedSecret(secret, until, SubscriptionView.From(rotated, now)));
    }

    public static Subscription Decide(Subscription subscription, string secret, DateTimeOffset now, DateTimeOffset until) => subscription with
    {
        Secrets = [new SigningSecret(secret, now), .. subscription.Secrets
            .Where(s => s.ValidAt(now))
            .Select(s => s with { ValidUntil = s.ValidUntil is { } v && v < until ? v : until })],
    };
}
