using MassTransit;

namespace WaaS.EndToEnd.Tests;

/// <summary>An integration partner on the test vhost: publishes to the system and subscribes to its events.</summary>
public static class Partner
{
    /// <summary>A plain MassTransit client on the test vhost (or <paramref name="virtualHost"/>), as an integration partner
    /// would publish and subscribe.</summary>
    public static IBusControl Bus(Action<IRabbitMqBusFactoryConfigurator>? configure = null, string? virtualHost = null)
    {
        string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        return MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(Env("WAAS_RABBIT_HOST", "localhost"), ushort.Parse(Env("WAAS_RABBIT_PORT", "5672")),
                virtualHost ?? Env("WAAS_RABBIT_VHOST", "waas_test"), h =>
                {
                    h.Username(Env("WAAS_RABBIT_USER", "waas"));
                    h.Password(Env("WAAS_RABBIT_PASSWORD", "waas"));
                });
            configure?.Invoke(cfg);
        });
    }
}

/// <summary>What a partner saw of one message: the envelope, not only the body.</summary>
public sealed record Received<T>(T Message, Guid? CorrelationId, IReadOnlyDictionary<string, string> Headers);

/// <summary>A partner's subscription to one event type for the length of a test, keyed by the deal it is about.</summary>
public sealed class Subscription<T> : IAsyncDisposable where T : class
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Received<T>> _received = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _counts = new();
    private readonly IBusControl _bus;

    private Subscription(Func<T, Guid> key, string? virtualHost) =>
        _bus = Partner.Bus(cfg => cfg.ReceiveEndpoint(e => e.Handler<T>(ctx =>
        {
            _received[key(ctx.Message)] = new Received<T>(ctx.Message, ctx.CorrelationId, ctx.Headers.GetAll().ToDictionary(h => h.Key, h => h.Value?.ToString() ?? ""));
            _counts.AddOrUpdate(key(ctx.Message), 1, (_, n) => n + 1);
            return Task.CompletedTask;
        })), virtualHost);

    /// <summary>How many messages about <paramref name="key"/> arrived (a message published twice arrives twice).</summary>
    public int CountOf(Guid key) => _counts.GetValueOrDefault(key);

    public static async Task<Subscription<T>> StartAsync(Func<T, Guid> key, string? virtualHost = null)
    {
        var subscription = new Subscription<T>(key, virtualHost);
        await subscription._bus.StartAsync();
        return subscription;
    }

    /// <summary>The message about <paramref name="key"/> once it has arrived (fails after 30 s).</summary>
    public async Task<Received<T>> ReceivedAsync(Guid key, WaaSSystem system)
    {
        await system.EventuallyAsync(() => Task.FromResult(_received.ContainsKey(key)));
        return _received[key];
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
