using Marten;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Webhooks.Subscriptions;

/// <summary>
/// Subscriptions are scoped in the query: an owner sees its own tenant's, the distributor (operations) all of them;
/// another tenant's subscription is not found (404) like an unknown one.
/// </summary>
public static class SubscriptionAccess
{
    public static IQueryable<Subscription> VisibleTo(this IQueryable<Subscription> query, Caller caller) =>
        caller.IsDistributor ? query : query.Where(s => s.OwnerId == caller.TenantId);

    public static Task<Subscription?> FindAsync(this IQuerySession session, Guid id, Caller caller, CancellationToken ct) =>
        session.Query<Subscription>().Where(s => s.Id == id).VisibleTo(caller).FirstOrDefaultAsync(ct);
}

/// <summary>A subscription as its owner reads it (never its secrets).</summary>
public sealed record SubscriptionView(
    Guid Id, Guid OwnerId, string OwnerKind, string? VendorName, string Url, IReadOnlyList<string> EventTypes, string? Description,
    string Status, string? StatusReason, DateTimeOffset? StatusChangedAt, DateTimeOffset? FailingSince, DateTimeOffset CreatedAt,
    string CreatedBy, IReadOnlyList<SecretView> Secrets)
{
    public static SubscriptionView From(Subscription s, DateTimeOffset now) => new(
        s.Id, s.OwnerId, s.OwnerKind.ToString(), s.VendorName, s.Url, s.EventTypes, s.Description, s.Status.ToString(), s.StatusReason,
        s.StatusChangedAt, s.FailingSince, s.CreatedAt, s.CreatedBy,
        [.. s.Secrets.Where(x => x.ValidAt(now)).Select(x => new SecretView(x.Secret[..(Delivery.Signer.Prefix.Length + 4)] + "…", x.CreatedAt, x.ValidUntil))]);
}

/// <summary>Which secrets are in use (first characters only; the secret itself is shown once).</summary>
public sealed record SecretView(string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ValidUntil);
