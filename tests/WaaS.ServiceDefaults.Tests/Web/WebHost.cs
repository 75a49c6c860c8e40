using System.Collections.Concurrent;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;
using WaaS.ServiceDefaults.Scheduling;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Tests.Hosting;
using WaaS.Testing;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Web;

/// <summary>Asks a consumer of the web host to start the stream <see cref="EchoId"/> (its events' audit is the test's subject).</summary>
public sealed record EchoRequested(Guid EchoId);

public sealed record Echoed(Guid EchoId);

public sealed record TallyRequest(int By);

/// <summary>
/// A whole service as AddServiceDefaults + AddEventStore + AddMessaging + MapDefaultEndpoints make it, in process on a
/// test server, with a few endpoints of its own: the real PostgreSQL (a schema of its own, dropped afterwards), the real
/// RabbitMQ (the API-test vhost, throwaway queues), test-signed tokens, a clock the tests move.
/// </summary>
public sealed class WebHost : IAsyncLifetime
{
    public string Schema { get; } = "sd_web_" + Guid.NewGuid().ToString("N")[..10];

    public string ServiceName { get; } = "sd-web-" + Guid.NewGuid().ToString("N")[..10];

    public FakeTimeProvider Clock { get; } = new(DefaultsHost.Start);

    /// <summary>How often each tally's handler ran, by the tally's request marker.</summary>
    public ConcurrentDictionary<string, int> Runs { get; } = new();

    /// <summary>Held requests of <c>/hold</c> wait here until the test releases them.</summary>
    public TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebApplication App { get; private set; } = null!;

    public IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();

    public HttpClient Client(Caller caller)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(caller));
        return client;
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WAAS_SCHEMA"] = Schema,
            ["WAAS_RABBIT_VHOST"] = DefaultsHost.VirtualHost,
            [SecurityExtensions.TestSigningKeySetting] = TestTokens.SigningKey,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults(ServiceName);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddEventStore("unused", options => options.Projections.Snapshot<Tally>(JasperFx.Events.Projections.SnapshotLifecycle.Inline));
        builder.AddMessaging(ServiceName, bus => bus.AddConsumer<EchoConsumer>().Endpoint(e =>
        {
            e.Name = ServiceName + "-echo";
            e.AddConfigureEndpointCallback((_, configurator) =>
            {
                if (configurator is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.Durable = false;
                    rabbit.AutoDelete = true;
                }
            });
        }));
        builder.Services.AddSingleton(this);
        // Published messages need the consumer's queue bound, or the first ones go nowhere.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);

        App = builder.Build();
        App.MapDefaultEndpoints();
        MapEndpoints(App);
        await App.StartAsync();
    }

    private static void MapEndpoints(WebApplication app)
    {
        // Starts a tally; the marker query parameter counts the handler's runs.
        app.MapPost("/tallies", async (TallyRequest request, string? marker, HttpContext http, IDocumentSession session, IOutbox outbox, WebHost host) =>
        {
            host.Runs.AddOrUpdate(marker ?? "", 1, (_, n) => n + 1);
            var id = Guid.NewGuid();
            var echo = Guid.NewGuid();
            session.Events.StartStream<Tally>(id, new TallyOpened(id), new TallyCounted(request.By));
            outbox.Publish(new EchoRequested(echo));
            await session.SaveChangesAsync();
            http.Response.Headers.ETag = "\"2\"";
            http.Response.Headers["X-Echo"] = echo.ToString();
            return TypedResults.Created($"/tallies/{id}", await session.LoadAsync<Tally>(id));
        });
        // A business refusal: 422 (kept for replay).
        app.MapPost("/refusals", (string marker, WebHost host) =>
        {
            host.Runs.AddOrUpdate(marker, 1, (_, n) => n + 1);
            return WaaS.ServiceDefaults.Http.Problems.RuleBroken("TallyClosed", "The tally is closed.");
        });
        // Fails with 503 the first time, then creates.
        app.MapPost("/flaky", (string marker, WebHost host) =>
            host.Runs.AddOrUpdate(marker, 1, (_, n) => n + 1) == 1 ? Results.StatusCode(503) : Results.Created($"/flaky/{marker}", new { marker }));
        // Waits for the gate, optionally after committing its writes.
        app.MapPost("/hold", async (string marker, bool? commitFirst, IDocumentSession session, WebHost host) =>
        {
            host.Runs.AddOrUpdate(marker, 1, (_, n) => n + 1);
            var id = Guid.NewGuid();
            if (commitFirst == true)
            {
                session.Events.StartStream<Tally>(id, new TallyOpened(id));
                await session.SaveChangesAsync();
            }
            await host.Gate.Task;
            return Results.Created($"/tallies/{id}", new { id });
        });
        // Commits, then breaks before answering.
        app.MapPost("/commit-then-fail", async (string marker, IDocumentSession session, WebHost host) =>
        {
            host.Runs.AddOrUpdate(marker, 1, (_, n) => n + 1);
            var id = Guid.NewGuid();
            session.Events.StartStream<Tally>(id, new TallyOpened(id));
            await session.SaveChangesAsync();
            throw new InvalidOperationException("broke after the commit");
        });
        // Schedules an echo due now: when it fires, the system acts.
        app.MapPost("/echo-later", async (IDocumentSession session, IDurableScheduler scheduler, TimeProvider clock) =>
        {
            var echo = Guid.NewGuid();
            scheduler.Schedule($"echo:{echo}", new EchoRequested(echo), clock.GetUtcNow());
            await session.SaveChangesAsync();
            return Results.Accepted($"/echoes/{echo}", new { echo });
        });
    }

    public async Task DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await App.StopAsync(stopping.Token);
        }
        await App.DisposeAsync();
        await using var dataSource = DefaultsHost.Database();
        await using var drop = dataSource.CreateCommand($"drop schema if exists {Schema} cascade");
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>Starts the echo stream; its event's audit should name whoever caused the message.</summary>
public sealed class EchoConsumer : IConsumer<EchoRequested>
{
    public Task Consume(ConsumeContext<EchoRequested> context)
    {
        var session = context.GetServiceOrCreateInstance<IDocumentSession>();
        session.Events.StartStream(context.Message.EchoId, new Echoed(context.Message.EchoId));
        return Task.CompletedTask;
    }
}
