using System.Diagnostics;
using WaaS.Benchmarks;
using WaaS.Testing;

// Drives real deals through a running system (./run.sh) and reports how fast they travel. Speed is measured
// here, in a benchmark, and never asserted in a timed test.
var options = Options.Parse(args, out var error);
if (options is null)
{
    if (error is not null)
    {
        Console.Error.WriteLine(error);
    }
    Console.Error.WriteLine(Options.Usage);
    return error is null ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// Two real clients with their own tokens: the marketplace acting for reseller 1 and the distributor's back office.
var tokens = new Uri(options.Gateway, "/connect/token");
HttpClient Client(string clientId, string secret, Guid? tenant) =>
    new(new ClientCredentials(tokens, clientId, secret, tenant)
    {
        InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 256 },
    })
    { BaseAddress = options.Gateway, Timeout = TimeSpan.FromSeconds(30) };
// Reseller 1 of the Development tenant set (services/WaaS.Accounts/README.md).
using var http = Client("marketplace", "marketplace-dev-secret", Guid.Parse("7e5e1100-0000-4000-8000-000000000001"));
using var operations = Client("distributor-backoffice", "backoffice-dev-secret", null);
var gateway = new Gateway(http, operations, options);
var deal = new DealRun(gateway);

try
{
    using var alive = await http.GetAsync("quoting/catalogue?kind=Device", cancel.Token);
    alive.EnsureSuccessStatusCode();
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"The gateway at {options.Gateway} does not answer ({e.Message}). Start the system with ./run.sh first.");
    return 1;
}

if (options.Warmup > 0)
{
    // Not counted: the first deals pay for JIT, connection pools and Marten/MassTransit first-use costs.
    Console.WriteLine($"warm-up: {options.Warmup} deals");
    var warm = await Task.WhenAll(Enumerable.Range(1, options.Warmup).Select(i => deal.RunAsync(-i, cancel.Token)));
    if (warm.FirstOrDefault(r => r.FailedIn is not null) is { } bad)
    {
        Console.Error.WriteLine($"warm-up deal failed in {bad.FailedIn}: {bad.Error}");
        return 1;
    }
}

Console.WriteLine($"running {options.Deals} deals with concurrency {options.Concurrency}");
var results = new DealResult[options.Deals];
var requestsBefore = gateway.Requests;
var done = 0;
var wall = Stopwatch.StartNew();
try
{
    await Parallel.ForEachAsync(Enumerable.Range(0, options.Deals),
        new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancel.Token },
        async (i, ct) =>
        {
            results[i] = await deal.RunAsync(i + 1, ct);
            var n = Interlocked.Increment(ref done);
            if (n % Math.Max(1, options.Deals / 10) == 0)
            {
                Console.WriteLine($"  {n}/{options.Deals} deals after {wall.Elapsed.TotalSeconds:0.0} s");
            }
        });
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
wall.Stop();

Console.WriteLine();
Console.Write(Report.Render(options, results, wall.Elapsed, gateway.Requests - requestsBefore));
return results.Any(r => r.FailedIn is not null) ? 1 : 0;
