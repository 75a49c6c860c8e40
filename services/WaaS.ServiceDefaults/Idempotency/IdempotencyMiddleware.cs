using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.ServiceDefaults.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on every write (POST, PUT, PATCH, DELETE) of every endpoint, without code in the endpoints.
/// Keys are scoped per client and tenant of the caller's token. The same key with the same request (method, path, query
/// and body) answers the first answer again (status, body, content type, Location, ETag, plus
/// <c>Idempotent-Replayed: true</c>) and changes nothing; the same key with another request is 422
/// <c>IdempotencyKeyReused</c>; while the first still runs, 409 <c>IdempotencyKeyInFlight</c> with Retry-After.
/// Answers of 4xx are kept (the request is settled), 5xx are not (the client retries; it runs again).
/// </summary>
/// <remarks>
/// A process that dies while running a request leaves its key pending. After <see cref="IdempotencyStore.TakeOverAfter"/>
/// the next request with that key takes it over. If the first request's writes had not committed (the flag commits in
/// the same transaction as the writes, <see cref="IdempotencyClaim"/>), the request runs again as if new; if they had,
/// its answer is lost: 409 <c>IdempotencyKeyAnswerLost</c> tells the client to read the resource, and nothing runs
/// twice — not even a creation. Writes a request makes outside its scoped Marten session are not covered by the flag;
/// for those the services' own rules (a contract signs once, a deal dispatches once) refuse the second attempt.
/// </remarks>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    /// <summary>The request header naming the key.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The response header on an answer that is a replay.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext http, IdempotencyStore keys, IdempotencyClaim claim)
    {
        if (!IsWrite(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }
        if (values.Count != 1 || !IsValid(values[0]))
        {
            await Problems.Invalid(Header, "IdempotencyKeyFormat",
                $"{Header} must be one value of 1 to 255 printable ASCII characters (a UUID is a good key).").ExecuteAsync(http);
            return;
        }
        if (Caller.From(http.User) is not { } caller)
        {
            // Anonymous endpoints (token requests): no client to scope the key by, and nothing to replay.
            await next(http);
            return;
        }

        var scope = $"{caller.ClientId}|{caller.TenantId}";
        var key = values[0]!;
        var outcome = await keys.ClaimAsync(scope, key, await FingerprintAsync(http.Request), http.RequestAborted);
        switch (outcome)
        {
            case ClaimOutcome.Answered answered:
                await ReplayAsync(http, answered.Answer);
                break;
            case ClaimOutcome.Reused:
                await Problems.RuleBroken("IdempotencyKeyReused",
                    $"This {Header} was used for another request (method, path or body); use a new key for a new request.", Header).ExecuteAsync(http);
                break;
            case ClaimOutcome.InFlight inFlight:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(inFlight.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Conflict("IdempotencyKeyInFlight",
                    $"The first request with this {Header} is still running; retry after it has been answered.", Header).ExecuteAsync(http);
                break;
            case ClaimOutcome.AnswerLost lost:
                var answer = LostAnswer(http);
                await keys.CompleteAsync(scope, key, lost.Claim, answer, CancellationToken.None);
                await ReplayAsync(http, answer, replayed: false);
                break;
            case ClaimOutcome.Owned owned:
                claim.Hold(scope, key, owned.Claim);
                await RunAsync(http, keys, scope, key, owned.Claim);
                break;
        }
    }

    private async Task RunAsync(HttpContext http, IdempotencyStore keys, string scope, string key, Guid claim)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        // The answer is stored before the client sees it, so a retry after the answer always finds it.
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = original;
            await SettleFailureAsync(http, keys, scope, key, claim);
            throw;
        }
        http.Response.Body = original;

        var response = http.Response;
        if (response.StatusCode >= 500)
        {
            await SettleFailureAsync(http, keys, scope, key, claim);
        }
        else
        {
            await keys.CompleteAsync(scope, key, claim, new StoredAnswer(response.StatusCode, response.ContentType,
                response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                buffer.ToArray()), CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task SettleFailureAsync(HttpContext http, IdempotencyStore keys, string scope, string key, Guid claim)
    {
        if (!await keys.ReleaseAsync(scope, key, claim, CancellationToken.None))
        {
            // It failed after its writes committed: running it again would do them twice.
            await keys.CompleteAsync(scope, key, claim, LostAnswer(http), CancellationToken.None);
        }
    }

    private static async Task ReplayAsync(HttpContext http, StoredAnswer answer, bool replayed = true)
    {
        var response = http.Response;
        response.StatusCode = answer.Status;
        if (answer.ContentType is not null)
        {
            response.ContentType = answer.ContentType;
        }
        if (answer.Location is not null)
        {
            response.Headers.Location = answer.Location;
        }
        if (answer.ETag is not null)
        {
            response.Headers.ETag = answer.ETag;
        }
        if (replayed)
        {
            response.Headers[ReplayedHeader] = "true";
        }
        if (answer.Body.Length > 0)
        {
            await response.Body.WriteAsync(answer.Body, http.RequestAborted);
        }
    }

    private static StoredAnswer LostAnswer(HttpContext http)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The request conflicts with the current state.",
            Type = "https://waas.example/problems/IdempotencyKeyAnswerLost",
            Detail = $"The first request with this {Header} made its change, but the service stopped before its answer was kept. " +
                     "Nothing was done again: read the resource to see the outcome.",
            Instance = http.Request.Path,
            Extensions = { ["rule"] = "IdempotencyKeyAnswerLost", ["field"] = Header },
        };
        return new StoredAnswer(StatusCodes.Status409Conflict, "application/problem+json", null, null,
            JsonSerializer.SerializeToUtf8Bytes(problem, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    /// <summary>1 to 255 printable ASCII characters (RFC 9110 field value without controls).</summary>
    public static bool IsValid(string? key) =>
        key is { Length: >= 1 and <= 255 } && key.All(c => c is >= ' ' and <= '~') && key.Trim().Length > 0;

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
