using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Hosting;

/// <summary>
/// The ServiceDefaults wiring as a service gets it (<c>AddEventStore</c> + <c>AddMessaging</c>) in a generic host, against
/// the real PostgreSQL in a schema of its own that is dropped afterwards. Only fixtures that need the bus start the host
/// (RabbitMQ on the API-test vhost, endpoints named by a unique service name and auto-deleted); the others resolve
/// sessions, outbox and scheduler from a built host, so no background dispatcher races the test for its rows.
/// </summary>
public abstract class DefaultsHost : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public string Schema { get; } = "sd_test_" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Prefix of this fixture's queues: unique per run, so parallel runs never share a queue.</summary>
    public string ServiceName { get; } = "sd-test-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The RabbitMQ vhost of in-process tests, which no running service listens on.</summary>
    public static string VirtualHost => Environment.GetEnvironmentVariable("WAAS_API_VHOST") is { Length: > 0 } vhost ? vhost : "waas_api";

    public FakeTimeProvider Clock { get; } = new(Start);

    public IHost Host { get; private set; } = null!;

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Starts the host: the bus, the outbox and schedule dispatchers, the inbox pruner.</summary>
    protected virtual bool Starts => false;

    protected virtual void ConfigureBus(IBusRegistrationConfigurator bus)
    {
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Runs on the built host before it starts (to connect observers to the bus).</summary>
    protected virtual void Built(IHost host)
    {
    }

    /// <summary>A message scope, as a request or a consumed message gets one: one session, its outbox and scheduler.</summary>
    public AsyncServiceScope Scope() => Host.Services.CreateAsyncScope();

    public async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WAAS_SCHEMA"] = Schema,
            ["WAAS_RABBIT_VHOST"] = VirtualHost,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddEventStore("unused", options =>
        {
            options.Projections.Snapshot<Tally>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
            options.AddSagaState<ApprovalSaga>();
        });
        builder.AddMessaging(ServiceName, ConfigureBus);
        ConfigureServices(builder.Services);
        Host = builder.Build();
        Built(Host);
        if (Starts)
        {
            await Host.StartAsync();
        }
        else
        {
            await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Starts)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Host.StopAsync(stopping.Token);
        }
        Host.Dispose();
        await using var dataSource = Database();
        await using var drop = dataSource.CreateCommand($"drop schema if exists {Schema} cascade");
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Sends <paramref name="message"/> straight to one of this fixture's (auto-deleted) queues with the given message id,
    /// so a test can deliver one message twice; nothing is published for other hosts on the vhost to see.
    /// </summary>
    public async Task SendAsync<T>(string queue, T message, Guid messageId) where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var endpoint = await Host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}?durable=false&autodelete=true"));
        await endpoint.Send(message, ctx => ctx.MessageId = messageId, timeout.Token);
    }

    /// <summary>
    /// Names a consumer's or saga's endpoint and makes its queue (and exchange) non-durable and auto-deleted, declared
    /// exactly as <see cref="SendAsync{T}"/> declares it (a temporary endpoint's exclusive queue would clash with that).
    /// </summary>
    protected static void Throwaway(IEndpointRegistrationConfigurator endpoint, string name)
    {
        endpoint.Name = name;
        endpoint.AddConfigureEndpointCallback((_, configurator) =>
        {
            if (configurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.Durable = false;
                rabbit.AutoDelete = true;
            }
        });
    }

    /// <summary>The test database (WAAS_PG_*), for looking at rows directly.</summary>
    public static NpgsqlDataSource Database()
    {
        static string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        return NpgsqlDataSource.Create(
            $"Host={Env("WAAS_PG_HOST", "localhost")};Port={Env("WAAS_PG_PORT", "5432")};Username={Env("WAAS_PG_USER", "waas")};" +
            $"Password={Env("WAAS_PG_PASSWORD", "waas")};Database={Env("WAAS_PG_DATABASE", "waas")}");
    }

    /// <summary>The version the stream <paramref name="id"/> has committed (0 when it does not exist).</summary>
    public async Task<long> StreamVersionAsync(Guid id)
    {
        await using var query = Store.QuerySession();
        return (await query.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }

    /// <summary>Committed outbox rows whose body mentions <paramref name="marker"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxRowsAsync(Guid marker)
    {
        await using var query = Store.QuerySession();
        var text = marker.ToString();
        return await query.Query<OutboxMessage>().Where(m => m.Body.Contains(text)).ToListAsync();
    }
}

/// <summary>A host that is built but never started: sessions, outbox, scheduler and pruner without background loops.</summary>
public sealed class StoreHost : DefaultsHost;
