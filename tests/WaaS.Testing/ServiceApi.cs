using System.Collections.Concurrent;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using WaaS.ServiceDefaults.Security;
using Xunit;

namespace WaaS.Testing;

/// <summary>
/// One service in process against the real PostgreSQL, in a schema of its own that is dropped afterwards, and the real
/// RabbitMQ on the API-test vhost, with a clock the tests move. A service with consumers gets one fixture per test
/// project (its queues are named by the service, so two hosts would share them); tests bring their own ids.
/// </summary>
public class ServiceApi<TProgram> : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentBag<HostReceiveEndpointHandle> _observers = [];

    /// <summary>The service's own schema for this fixture.</summary>
    public string Schema { get; } = "api_test_" + Guid.NewGuid().ToString("N")[..10];

    public FakeTimeProvider Clock { get; } = new(Start);

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("WAAS_SCHEMA", Schema);
        builder.UseSetting("WAAS_RABBIT_VHOST", Environment.GetEnvironmentVariable("WAAS_API_VHOST") ?? "waas_api");
        builder.UseSetting(SecurityExtensions.TestSigningKeySetting, TestTokens.SigningKey);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that sends <paramref name="caller"/>'s access token with every request.</summary>
    public HttpClient CreateClient(Caller caller)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(caller));
        return client;
    }

    /// <summary>A client of the distributor's operations team.</summary>
    public HttpClient CreateOperatorClient() => CreateClient(As.Operations);

    /// <summary>
    /// Sends <paramref name="message"/> straight to one of the service's queues (not published: other test hosts on the
    /// vhost must not see it), with the given message id so a test can deliver the same message twice. It goes through
    /// the endpoint's own exchange: a <c>queue:</c> address would redeclare the queue as classic, which RabbitMQ refuses
    /// for the quorum queue the service declared.
    /// </summary>
    public async Task SendAsync<T>(string queue, T message, Guid? messageId = null) where T : class
    {
        var endpoint = await Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{queue}"));
        await endpoint.Send(message, ctx => ctx.MessageId = messageId ?? NewId.NextGuid());
    }

    /// <summary>Collects the messages of type <typeparamref name="T"/> the service publishes from now on.</summary>
    public async Task<Published<T>> ObserveAsync<T>() where T : class
    {
        var published = new Published<T>();
        var handle = Services.GetRequiredService<IBus>().ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), null,
            e => e.Handler<T>(ctx =>
            {
                published.Add(ctx.Message, ctx.CorrelationId);
                return Task.CompletedTask;
            }));
        await handle.Ready;
        _observers.Add(handle);
        return published;
    }

    /// <summary>How many inbox markers the service committed for <paramref name="messageId"/> (one once it was handled).</summary>
    public async Task<long> InboxMarkersAsync(Guid messageId)
    {
        await using var dataSource = Database();
        await using var command = dataSource.CreateCommand($"select count(*) from {Schema}.mt_doc_inboxmarker where id like '%:' || $1");
        command.Parameters.AddWithValue(messageId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The events of a stream, as stored.</summary>
    public async Task<IReadOnlyList<object>> StreamAsync(Guid streamId)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(streamId)).Select(e => e.Data)];
    }

    public virtual async Task InitializeAsync()
    {
        _ = Server; // starts the host: schema creation, seeds, the bus
        // Tests send straight to a queue's exchange; until the service's endpoints have bound their queues, such a
        // message would find no queue and be dropped. Wait until every receive endpoint is up.
        if (Services.GetService<IBusControl>() is { } bus)
        {
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var observer in _observers)
        {
            await observer.StopAsync();
        }
        await DisposeAsync();
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString());
        await using var drop = dataSource.CreateCommand($"drop schema if exists {Schema} cascade");
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A connection to the test database, for tests that look at rows directly (outbox, inbox).</summary>
    public static NpgsqlDataSource Database() => NpgsqlDataSource.Create(ConnectionString());

    private static string ConnectionString()
    {
        static string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        return $"Host={Env("WAAS_PG_HOST", "localhost")};Port={Env("WAAS_PG_PORT", "5432")};Username={Env("WAAS_PG_USER", "waas")};" +
               $"Password={Env("WAAS_PG_PASSWORD", "waas")};Database={Env("WAAS_PG_DATABASE", "waas")}";
    }
}

/// <summary>Messages a service published while a test watched.</summary>
public sealed class Published<T> where T : class
{
    private readonly ConcurrentQueue<(T Message, Guid? CorrelationId)> _messages = new();

    internal void Add(T message, Guid? correlationId) => _messages.Enqueue((message, correlationId));

    /// <summary>The first message matching <paramref name="match"/>, once it has arrived (fails after 15 s).</summary>
    public async Task<(T Message, Guid? CorrelationId)> FirstAsync(Func<T, bool> match)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(_messages.Any(m => match(m.Message))), $"no {typeof(T).Name} matched");
        return _messages.First(m => match(m.Message));
    }

    /// <summary>How many matching messages arrived so far.</summary>
    public int Count(Func<T, bool> match) => _messages.Count(m => match(m.Message));
}
