using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WaaS.Benchmarks;

/// <summary>The few HTTP calls a deal needs, through the gateway, counting requests for the report: the reseller's
/// (<paramref name="http"/>) and the distributor's (<paramref name="operations"/>), each with its own token.</summary>
public sealed class Gateway(HttpClient http, HttpClient operations, Options options)
{
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>A POST as the reseller (the marketplace acting for it).</summary>
    public Task<JsonNode> PostAsync(string path, object? body, HttpStatusCode expected, CancellationToken ct) =>
        PostAsync(http, path, body, expected, ct);

    /// <summary>A POST only the distributor may send (countersigning, dispatch, delivery).</summary>
    public Task<JsonNode> PostAsOperationsAsync(string path, object? body, HttpStatusCode expected, CancellationToken ct) =>
        PostAsync(operations, path, body, expected, ct);

    private async Task<JsonNode> PostAsync(HttpClient client, string path, object? body, HttpStatusCode expected, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        using var content = body is null ? null : JsonContent.Create(body);
        using var response = await client.PostAsync(path, content, ct);
        return await ExpectAsync(response, "POST " + path, expected, ct);
    }

    public async Task<JsonNode> GetAsync(string path, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        using var response = await http.GetAsync(path, ct);
        return await ExpectAsync(response, "GET " + path, HttpStatusCode.OK, ct);
    }

    /// <summary>
    /// Polls a GET every <see cref="Options.PollInterval"/> until it answers 200 and <paramref name="until"/> holds.
    /// <paramref name="hopeless"/> ends the wait early with the reason (a rejected deal never becomes active).
    /// </summary>
    public async Task<JsonNode> EventuallyAsync(string path, Func<JsonNode, bool> until, CancellationToken ct,
        Func<JsonNode, string?>? hopeless = null)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(options.StepTimeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        var last = "";
        while (TimeProvider.System.GetTimestamp() < deadline)
        {
            Interlocked.Increment(ref _requests);
            using (var response = await http.GetAsync(path, ct))
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                last = $"{(int)response.StatusCode} {Shorten(body)}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var node = JsonNode.Parse(body)!;
                    if (until(node))
                    {
                        return node;
                    }
                    if (hopeless?.Invoke(node) is { } reason)
                    {
                        throw new BenchmarkException($"GET {path}: {reason}");
                    }
                }
            }
            await Task.Delay(options.PollInterval, ct);
        }
        throw new BenchmarkException($"GET {path} did not reach the expected state within {options.StepTimeout.TotalSeconds:0} s; last answer: {last}");
    }

    private static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, string call, HttpStatusCode expected, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
        {
            throw new BenchmarkException($"{call} answered {(int)response.StatusCode}, expected {(int)expected}: {Shorten(body)}");
        }
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + " …";
}

public sealed class BenchmarkException : Exception
{
    public BenchmarkException()
    {
    }

    public BenchmarkException(string message) : base(message)
    {
    }

    public BenchmarkException(string message, Exception inner) : base(message, inner)
    {
    }
}
