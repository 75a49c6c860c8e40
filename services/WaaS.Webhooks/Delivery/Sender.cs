using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using WaaS.Webhooks.Subscriptions;

namespace WaaS.Webhooks.Delivery;

public enum AttemptOutcome
{
    /// <summary>2xx.</summary>
    Delivered,

    /// <summary>410: the receiver says the subscription is gone; we disable it.</summary>
    Gone,

    /// <summary>Any other answer (429, 5xx, 3xx: redirects are not followed, 4xx), a timeout, a refused connection: retried.</summary>
    Failed,
}

/// <summary>What one HTTP attempt came to.</summary>
public sealed record AttemptResult(AttemptOutcome Outcome, int? StatusCode, int LatencyMs, string? ResponseExcerpt, string? Error, TimeSpan? RetryAfter);

/// <summary>
/// Posts one signed body to a receiver: no redirects followed, a time limit per attempt, only the first bytes of the
/// answer read (the rest is never downloaded). Outside Development the address the name resolves to is checked on
/// every new connection (DNS rebinding), and the connection goes to exactly that checked address.
/// </summary>
public sealed class Sender : IDisposable
{
    private readonly HttpClient _client;
    private readonly WebhookSettings _settings;
    private readonly TimeProvider _clock;

    public Sender(WebhookSettings settings, TimeProvider clock)
    {
        _settings = settings;
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = settings.Timeout,
            MaxResponseHeadersLength = 64,
            MaxConnectionsPerServer = 4,
        };
        if (!settings.AllowPrivateTargets)
        {
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        }
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("WaaS-Webhooks/1.0");
    }

    public async Task<AttemptResult> SendAsync(Uri target, byte[] body, string contentType, IReadOnlyDictionary<string, string> headers, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_settings.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            var latency = (int)watch.ElapsedMilliseconds;
            var outcome = status switch
            {
                >= 200 and < 300 => AttemptOutcome.Delivered,
                410 => AttemptOutcome.Gone,
                _ => AttemptOutcome.Failed,
            };
            var error = status is >= 300 and < 400 ? $"Redirect to '{response.Headers.Location}' not followed." : null;
            return new AttemptResult(outcome, status, latency, excerpt, error, Backoff.RetryAfter(response.Headers.RetryAfter, _clock.GetUtcNow()));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new AttemptResult(AttemptOutcome.Failed, null, (int)watch.ElapsedMilliseconds, null,
                $"Timeout: no complete answer within {_settings.Timeout.TotalSeconds:0.#} s.", null);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptResult(AttemptOutcome.Failed, null, (int)watch.ElapsedMilliseconds, null, Describe(ex), null);
        }
    }

    private async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[_settings.ResponseExcerptBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string Describe(HttpRequestException ex) =>
        ex.InnerException is TargetRefusedException refused ? refused.Message : $"{ex.HttpRequestError}: {ex.Message}";

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        foreach (var address in addresses)
        {
            if (TargetRules.NonPublicRange(address) is { } range)
            {
                throw new TargetRefusedException($"{TargetRules.TargetMustBePublic}: '{host}' resolves to a {range} address ({address}); not connected.");
            }
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>The connection was not made: the target resolved to a non-public address.</summary>
public sealed class TargetRefusedException(string message) : Exception(message);
