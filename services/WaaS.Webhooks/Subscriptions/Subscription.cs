using WaaS.Contracts;
using WaaS.Webhooks.Events;

namespace WaaS.Webhooks.Subscriptions;

public enum SubscriptionStatus
{
    /// <summary>Deliveries run.</summary>
    Active,

    /// <summary>The owner paused it: events still queue up and are delivered on resume.</summary>
    Paused,

    /// <summary>We stopped it (the receiver answered 410, or failed for days): events still queue up until resumed.</summary>
    Disabled,
}

/// <summary>A signing secret; after a rotation the old one stays valid until <see cref="ValidUntil"/>.</summary>
public sealed record SigningSecret(string Secret, DateTimeOffset CreatedAt, DateTimeOffset? ValidUntil = null)
{
    public bool ValidAt(DateTimeOffset now) => ValidUntil is not { } until || until > now;
}

/// <summary>
/// A webhook subscription of one tenant (<see cref="OwnerId"/>): a reseller (its staff or integration partner), which
/// receives its own and its sub-resellers' events, or a vendor, which receives its own sell-out lines.
/// <see cref="EventTypes"/> empty = every type the owner may receive. <see cref="FailingSince"/> is the first failed
/// attempt since the last success; <see cref="StatusReason"/> tells the owner why we disabled it.
/// </summary>
public sealed record Subscription(
    Guid Id,
    Guid OwnerId,
    AccountKind OwnerKind,
    string? VendorName,
    IReadOnlyList<Guid> KnownSubResellers,
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    IReadOnlyList<SigningSecret> Secrets,
    SubscriptionStatus Status,
    string? StatusReason,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset? FailingSince,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    /// <summary>Whether this subscription receives <paramref name="e"/> (type, and the owner's tenant scope).</summary>
    public bool Wants(WebhookEvent e)
    {
        if (e.OnlyFor is { } only)
        {
            return only == Id;
        }
        if (EventTypes.Count > 0 && !EventTypes.Contains(e.Type))
        {
            return false;
        }
        return OwnerKind switch
        {
            AccountKind.Reseller => (Events.EventTypes.Find(e.Type)?.Audience ?? 0).HasFlag(Audience.Reseller)
                                    && (e.Resellers.Contains(OwnerId) || e.Resellers.Any(KnownSubResellers.Contains)),
            AccountKind.Vendor => (Events.EventTypes.Find(e.Type)?.Audience ?? 0).HasFlag(Audience.Vendor)
                                  && VendorName is { } vendor && e.Vendors.Contains(vendor, StringComparer.Ordinal),
            _ => false,
        };
    }

    /// <summary>The secrets a delivery at <paramref name="now"/> is signed with (the new one first).</summary>
    public IReadOnlyList<string> SigningSecretsAt(DateTimeOffset now) =>
        [.. Secrets.Where(s => s.ValidAt(now)).OrderByDescending(s => s.CreatedAt).Select(s => s.Secret)];
}
