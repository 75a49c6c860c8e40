using Marten;
using WaaS.ServiceDefaults.Security;
using WaaS.Webhooks.Subscriptions.Creating;
using WaaS.Webhooks.Subscriptions.Deleting;
using WaaS.Webhooks.Subscriptions.Pausing;
using WaaS.Webhooks.Subscriptions.Pinging;
using WaaS.Webhooks.Subscriptions.Reading;
using WaaS.Webhooks.Subscriptions.Replaying;
using WaaS.Webhooks.Subscriptions.RotatingSecret;

namespace WaaS.Webhooks.Subscriptions;

public static class Config
{
    /// <summary>Who manages subscriptions: a reseller's staff or its integration partner, a vendor (for itself).</summary>
    public const Party Owners = Party.ResellerStaff | Party.ResellerPartner | Party.Vendor;

    /// <summary>Operations reads every subscription and its log, read-only, to support partners.</summary>
    public const Party Readers = Owners | Party.Operations;

    public static StoreOptions AddSubscriptions(this StoreOptions options)
    {
        // The delivery worker and the owner may change one subscription at once: the later write reads again.
        options.Schema.For<Subscription>().UseOptimisticConcurrency(true).Index(x => x.OwnerId);
        return options;
    }

    public static IEndpointRouteBuilder MapSubscriptions(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/subscriptions").WithTags("Subscriptions").For(Readers);
        read.MapGet("/", SubscriptionQueries.List);
        read.MapGet("/{id:guid}", SubscriptionQueries.Get);
        read.MapGet("/{id:guid}/deliveries", SubscriptionQueries.Deliveries);
        read.MapGet("/{id:guid}/attempts", SubscriptionQueries.Attempts);

        var write = app.MapGroup("/subscriptions").WithTags("Subscriptions").For(Owners);
        write.MapPost("/", CreateSubscription.Handle);
        write.MapDelete("/{id:guid}", DeleteSubscription.Handle);
        write.MapPost("/{id:guid}/pause", PauseSubscription.Pause);
        write.MapPost("/{id:guid}/resume", PauseSubscription.Resume);
        write.MapPost("/{id:guid}/secret/rotate", RotateSecret.Handle);
        write.MapPost("/{id:guid}/replay", ReplayEvents.Handle);
        write.MapPost("/{id:guid}/ping", PingSubscription.Handle);
        return app;
    }
}
