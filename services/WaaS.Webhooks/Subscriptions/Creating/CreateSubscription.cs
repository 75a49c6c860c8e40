using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;
using WaaS.Webhooks.Delivery;
using WaaS.Webhooks.Events;

namespace WaaS.Webhooks.Subscriptions.Creating;

/// <summary>What a partner subscribes with: the target, the event types (none = all it may receive), a note.</summary>
public sealed record SubscriptionRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Description);

/// <summary>The new subscription and its signing secret, shown this once.</summary>
public sealed record CreatedSubscription(SubscriptionView Subscription, string Secret);

public static class CreateSubscription
{
    public const int MaxPerTenant = 25;
    public const string SubscriptionsPerTenant = "SubscriptionsPerTenant";
    public const string UnknownEventType = "UnknownEventType";
    public const string EventTypeNotForParty = "EventTypeNotForParty";
    public const string VendorNameMissing = "VendorNameMissing";

    public static async Task<Results<Created<CreatedSubscription>, ProblemHttpResult>> Handle(
        SubscriptionRequest request, Caller caller, IDocumentSession session, WebhookSettings settings, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var secret = Signer.NewSecret();
        var (subscription, refusal) = Decide(request, caller, settings, Guid.NewGuid(), secret, now);
        if (refusal is not null)
        {
            return refusal.ToProblem();
        }
        if (!settings.AllowPrivateTargets && await TargetRules.CheckAddressesAsync(new Uri(subscription!.Url), ct) is { } ssrf)
        {
            return ssrf.ToProblem();
        }
        if (await session.Query<Subscription>().CountAsync(s => s.OwnerId == caller.TenantId, ct) >= MaxPerTenant)
        {
            return Problems.RuleBroken(SubscriptionsPerTenant, $"A tenant may hold at most {MaxPerTenant} subscriptions; delete one first.");
        }
        session.Store(subscription!);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/subscriptions/{subscription!.Id}", new CreatedSubscription(SubscriptionView.From(subscription, now), secret));
    }

    /// <summary>The subscription to keep, or the rule the request breaks.</summary>
    public static (Subscription?, Refusal?) Decide(SubscriptionRequest request, Caller caller, WebhookSettings settings, Guid id, string secret, DateTimeOffset now)
    {
        if (TargetRules.CheckUrl(request.Url, settings.RequireHttps, out var target) is { } bad)
        {
            return (null, bad);
        }
        var audience = caller.Kind == AccountKind.Vendor ? Audience.Vendor : Audience.Reseller;
        if (caller.Kind == AccountKind.Vendor && string.IsNullOrWhiteSpace(caller.VendorName))
        {
            return (null, Refusal.Broken(VendorNameMissing, "The vendor token names no vendor (claim waas_vendor); its sell-out cannot be matched."));
        }
        var types = (request.EventTypes ?? []).Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (types.FirstOrDefault(t => EventTypes.Find(t) is null) is { } unknown)
        {
            return (null, Refusal.Invalid("eventTypes", UnknownEventType,
                $"Unknown event type '{unknown}'; the catalogue lists: {string.Join(", ", EventTypes.All.Select(t => t.Name))}."));
        }
        if (types.FirstOrDefault(t => !EventTypes.Find(t)!.Audience.HasFlag(audience)) is { } notForYou)
        {
            return (null, Refusal.Broken(EventTypeNotForParty,
                $"A {audience.ToString().ToLowerInvariant()} does not receive '{notForYou}'; it may subscribe to: {string.Join(", ", EventTypes.For(audience).Select(t => t.Name))}.",
                "eventTypes"));
        }
        if (request.Description is { Length: > 200 })
        {
            return (null, Refusal.Invalid("description", "DescriptionLength", "At most 200 characters."));
        }
        // A vendor's "all" is its sell-out (and pings); stored explicitly so a later reseller-only type never reaches it.
        IReadOnlyList<string> wanted = types.Length > 0 ? types : audience == Audience.Vendor ? [.. EventTypes.For(Audience.Vendor).Select(t => t.Name)] : [];
        return (new Subscription(id, caller.TenantId, caller.Kind, caller.Kind == AccountKind.Vendor ? caller.VendorName : null,
            caller.SubResellerIds ?? [], target!.ToString(), wanted, request.Description?.Trim(), [new SigningSecret(secret, now)],
            SubscriptionStatus.Active, null, now, null, now, caller.ToString()), null);
    }
}
