using System.Diagnostics;
using System.Net.Http.Json;
using WaaS.Testing;
using WaaS.Webhooks.Tests.Api;
using Xunit;

// Webhooks in process (real PostgreSQL and RabbitMQ, WAAS_* settings as for the tests) delivering to a local Kestrel
// receiver: N subscriptions (one reseller each), a share of them answering 500, E events per reseller. Reports
// deliveries per second and the process's memory while the failing partners' backlog grows.
//   dotnet run --project tests/WaaS.Webhooks.Benchmark -c Release -- [subscriptions=1000] [eventsPerSubscription=5] [failingPercent=10]
var subscriptions = args.Length > 0 ? int.Parse(args[0]) : 1000;
var perSubscription = args.Length > 1 ? int.Parse(args[1]) : 5;
var failingPercent = args.Length > 2 ? int.Parse(args[2]) : 10;

// Outside a test project WebApplicationFactory needs to be told where the service's content root is.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "WaaS.sln")))
{
    root = root.Parent;
}
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WAAS_WEBHOOKS", Path.Combine(root!.FullName, "services", "WaaS.Webhooks"));
var api = new BenchmarkApi();
await ((IAsyncLifetime)api).InitializeAsync();
try
{
    var resellers = Enumerable.Range(0, subscriptions).Select(_ => Guid.NewGuid()).ToArray();
    var failing = resellers.Take(subscriptions * failingPercent / 100).ToHashSet();
    var urls = new Dictionary<Guid, string>();
    var setup = Stopwatch.StartNew();
    await Parallel.ForEachAsync(resellers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (reseller, _) =>
    {
        var url = api.Receiver.Endpoint(failing.Contains(reseller) ? (_, _) => new Answer(500) : null);
        lock (urls)
        {
            urls[reseller] = url;
        }
        using var client = api.CreateClient(As.PartnerOf(reseller));
        (await client.PostAsJsonAsync("/subscriptions", new { url })).EnsureSuccessStatusCode();
    });
    Console.WriteLine($"{subscriptions} subscriptions ({failing.Count} failing) in {setup.Elapsed.TotalSeconds:0.0} s");

    var expected = (subscriptions - failing.Count) * perSubscription;
    var memoryBefore = GC.GetTotalMemory(true);
    var clock = Stopwatch.StartNew();
    var bus = api.Services.GetService(typeof(MassTransit.IBus)) as MassTransit.IBus;
    var endpoint = await bus!.GetSendEndpoint(new Uri($"queue:{WebhooksApi.EventsQueue}"));
    for (var round = 0; round < perSubscription; round++)
    {
        await Parallel.ForEachAsync(resellers, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (reseller, ct) => await endpoint.Send(Messages.Signed(reseller), ct));
    }
    var published = clock.Elapsed;
    long delivered;
    var peak = 0L;
    TimeSpan? consumed = null;
    long deliveredWhenConsumed = 0;
    await using var database = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("WAAS_BENCH_PG") ?? $"Host=localhost;Username=waas;Password=waas;Database={Environment.GetEnvironmentVariable("WAAS_PG_DATABASE") ?? "waas"}");
    do
    {
        await Task.Delay(250);
        if (consumed is null)
        {
            await using var count = database.CreateCommand($"select count(*) from {api.Schema}.mt_doc_webhookevent");
            if ((long)(await count.ExecuteScalarAsync())! >= subscriptions * perSubscription)
            {
                consumed = clock.Elapsed;
                deliveredWhenConsumed = urls.Where(u => !failing.Contains(u.Key)).Sum(u => (long)api.Receiver.ProcessedAt(u.Value).Count);
            }
        }
        delivered = urls.Where(u => !failing.Contains(u.Key)).Sum(u => (long)api.Receiver.ProcessedAt(u.Value).Count);
        peak = Math.Max(peak, Environment.WorkingSet);
        if (clock.Elapsed > TimeSpan.FromMinutes(10))
        {
            Console.WriteLine("gave up after 10 minutes");
            break;
        }
    }
    while (delivered < expected);
    var elapsed = clock.Elapsed;
    var failedAttempts = urls.Where(u => failing.Contains(u.Key)).Sum(u => api.Receiver.At(u.Value).Count);
    Console.WriteLine($"{subscriptions * perSubscription} events sent to the queue in {published.TotalSeconds:0.0} s");
    Console.WriteLine($"all events consumed from RabbitMQ and queued for delivery after {consumed?.TotalSeconds:0.0} s");
    if (consumed is { } c && elapsed > c)
    {
        Console.WriteLine($"  {deliveredWhenConsumed} delivered by then; the remaining {delivered - deliveredWhenConsumed} (queue only) at {(delivered - deliveredWhenConsumed) / (elapsed - c).TotalSeconds:0} deliveries/s");
    }
    Console.WriteLine($"{delivered} deliveries to {subscriptions - failing.Count} healthy partners in {elapsed.TotalSeconds:0.0} s = {delivered / elapsed.TotalSeconds:0} deliveries/s");
    Console.WriteLine($"failing partners: {failedAttempts} attempts (one per backoff step each, their events wait in PostgreSQL)");
    Console.WriteLine($"managed heap before {memoryBefore / 1_048_576} MiB, after {GC.GetTotalMemory(true) / 1_048_576} MiB; peak working set {peak / 1_048_576} MiB");
}
finally
{
    await ((IAsyncLifetime)api).DisposeAsync();
}

/// <summary>The test host with the production poll interval.</summary>
internal sealed class BenchmarkApi : WebhooksApi
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:TimeoutSeconds"] = "10",
        ["Webhooks:PollMilliseconds"] = "200",
        ["Webhooks:MaxConcurrency"] = "64",
    };
}
