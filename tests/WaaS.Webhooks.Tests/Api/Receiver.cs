using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WaaS.Webhooks.Tests.Api;

/// <summary>One request the receiver got.</summary>
public sealed record Received(string Path, string Id, string Timestamp, string Signature, string ContentType, string Body, DateTimeOffset At)
{
    public JsonNode Event => JsonNode.Parse(Body)!;

    public string Type => Event["type"]!.GetValue<string>();

    public JsonNode Data => Event["data"]!;
}

/// <summary>How the receiver answers the n-th request (1-based) on a path.</summary>
public sealed record Answer(int Status = 200, TimeSpan Delay = default, string? Body = null, string? RetryAfter = null)
{
    public string? Location { get; init; }
}

/// <summary>
/// A real HTTP receiver on loopback (Kestrel), like a partner's: each path is one partner endpoint with its own
/// behaviour. It processes each webhook-id once, as the Standard Webhooks receiver is told to (duplicates are answered
/// 200 and not processed again).
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<Received, int, Answer>> _behaviours = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Received>> _processed = new();

    private Receiver(WebApplication app) => _app = app;

    public Uri Base { get; private set; } = null!;

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/{**path}", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Base = new Uri(address);
        return receiver;
    }

    /// <summary>A new endpoint (path) answering by <paramref name="behave"/> (200 by default).</summary>
    public string Endpoint(Func<Received, int, Answer>? behave = null)
    {
        var path = "/hooks/" + Guid.NewGuid().ToString("N")[..10];
        _behaviours[path] = behave ?? ((_, _) => new Answer());
        return new Uri(Base, path).ToString();
    }

    public IReadOnlyList<Received> At(string url) => [.. _received.Where(r => r.Path == new Uri(url).AbsolutePath)];

    /// <summary>What the partner behind <paramref name="url"/> processed: each event once.</summary>
    public IReadOnlyList<Received> ProcessedAt(string url) =>
        _processed.TryGetValue(new Uri(url).AbsolutePath, out var p) ? [.. p.Values.OrderBy(r => r.At)] : [];

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = http.Request.Path.Value!;
        var received = new Received(path, http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
            http.Request.Headers["webhook-signature"].ToString(), http.Request.ContentType ?? "", body, DateTimeOffset.UtcNow);
        _received.Enqueue(received);
        var n = _counts.AddOrUpdate(path, 1, (_, c) => c + 1);
        var answer = _behaviours.TryGetValue(path, out var behave) ? behave(received, n) : new Answer(404);
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }
        if (answer.Status is >= 200 and < 300)
        {
            _processed.GetOrAdd(path, _ => new()).TryAdd(received.Id, received);
        }
        if (answer.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }
        if (answer.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }
        return answer.Status == 204 ? Results.NoContent() : Results.Text(answer.Body ?? $"answer {answer.Status}", "text/plain", statusCode: answer.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
