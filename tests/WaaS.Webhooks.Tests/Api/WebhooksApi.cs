using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Security;
using WaaS.Testing;
using Xunit;

namespace WaaS.Webhooks.Tests.Api;

/// <summary>
/// Webhooks in process on the real PostgreSQL and RabbitMQ, with a loopback receiver, a 1.5 s attempt timeout and a
/// fast poll. The consumers' queues are named by the service, so the API classes share one collection (one host at a
/// time takes messages).
/// </summary>
public class WebhooksApi : ServiceApi<Program>
{
    public const string EventsQueue = "webhooks-publish-webhook-events";
    public const string AccountsQueue = "webhooks-copy-account";

    public Receiver Receiver { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:TimeoutSeconds"] = "1.5",
        ["Webhooks:PollMilliseconds"] = "50",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Environment.GetEnvironmentVariable("WAAS_TEST_LOG") is { Length: > 0 } log)
        {
            builder.ConfigureLogging(l => l.AddProvider(new FileLog(log)));
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async Task InitializeAsync()
    {
        Receiver = await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Hands webhooks an integration event as the bus delivers it and waits until it was handled; returns its message id (= event id).</summary>
    public async Task<Guid> PublishAsync<T>(T message, string queue = EventsQueue) where T : class
    {
        var messageId = Guid.NewGuid();
        await SendAsync(queue, message, messageId);
        await Eventually.HoldsAsync(async () => await InboxMarkersAsync(messageId) == 1, $"{typeof(T).Name} {messageId} was not handled");
        return messageId;
    }

    /// <summary>Subscribes <paramref name="caller"/> to <paramref name="url"/>; returns the subscription id and its secret.</summary>
    public async Task<(Guid Id, string Secret)> SubscribeAsync(Caller caller, string url, params string[] eventTypes)
    {
        var created = await CreateClient(caller).PostAsJsonAsync("/subscriptions", new { url, eventTypes }).ExpectAsync(HttpStatusCode.Created);
        return (created.Get<Guid>("subscription.id"), created.Get<string>("secret"));
    }

    public async Task<JsonNode> AttemptsAsync(Caller caller, Guid subscription) =>
        (await CreateClient(caller).GetAsync($"/subscriptions/{subscription}/attempts").ExpectAsync(HttpStatusCode.OK))["items"]!;

    /// <summary>Waits until attempt <paramref name="n"/> reached the receiver at <paramref name="url"/> and is in the log.</summary>
    public async Task AttemptLoggedAsync(Caller caller, Guid subscription, string url, int n)
    {
        async Task<int> Logged() => (await AttemptsAsync(caller, subscription)).AsArray().Count;
        await Eventually.HoldsAsync(async () => await Logged() >= n && Receiver.At(url).Count == await Logged(),
            $"attempt {n} did not happen (received {Receiver.At(url).Count}; log {(await AttemptsAsync(caller, subscription)).ToJsonString()}; "
            + $"queue {(await CreateClient(caller).GetAsync($"/subscriptions/{subscription}/deliveries").ExpectAsync(HttpStatusCode.OK)).ToJsonString()}; now {Clock.GetUtcNow():O})");
    }

    /// <summary>Moves the clock to the next attempt of <paramref name="subscription"/>'s oldest pending delivery (when later than now).</summary>
    public async Task<bool> AdvanceToNextAttemptAsync(Caller caller, Guid subscription)
    {
        var deliveries = await CreateClient(caller).GetAsync($"/subscriptions/{subscription}/deliveries?state=pending").ExpectAsync(HttpStatusCode.OK);
        var next = deliveries["items"]!.AsArray().Select(d => d!.Get<DateTimeOffset>("nextAttemptAt")).DefaultIfEmpty().Min();
        if (next == default)
        {
            return false;
        }
        if (next > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(next);
        }
        return true;
    }
}

/// <summary>The API test classes run one after another (see <see cref="WebhooksApi"/>).</summary>
[CollectionDefinition(Name)]
public sealed class WebhooksApiCollection
{
    public const string Name = "Webhooks API";
}
