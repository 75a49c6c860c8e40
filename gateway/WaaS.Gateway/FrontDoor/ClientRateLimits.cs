using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Gateway.FrontDoor;

/// <summary>
/// Rate limiting per client: requests with a valid token count against their <c>client_id</c> (a marketplace acting for
/// many resellers is one client), anonymous ones against their remote address. A fixed window of
/// <c>WAAS_RATE_LIMIT_PERMITS</c> requests (default 1000) per <c>WAAS_RATE_LIMIT_WINDOW_SECONDS</c> (default 10);
/// beyond it 429 as problem details with rule <c>RateLimited</c> and Retry-After. Probes (/alive, /health) are exempt.
/// </summary>
public static class ClientRateLimits
{
    public const string PermitsSetting = "WAAS_RATE_LIMIT_PERMITS";
    public const string WindowSetting = "WAAS_RATE_LIMIT_WINDOW_SECONDS";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue(PermitsSetting, configuration.GetValue("RateLimiting:PermitLimit", 1000));
        var window = TimeSpan.FromSeconds(configuration.GetValue(WindowSetting, configuration.GetValue("RateLimiting:WindowSeconds", 10)));
        return services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Type = "https://waas.example/problems/RateLimited",
                        Detail = $"This client may send {permits} requests per {window.TotalSeconds:0} s; retry after the time Retry-After names.",
                        Extensions = { ["rule"] = "RateLimited" },
                    },
                });
            };
        });
    }

    private static string PartitionOf(HttpContext http) =>
        http.User.FindFirst(WaaSClaims.ClientId)?.Value is { Length: > 0 } client
            ? "client:" + client
            : "address:" + http.Connection.RemoteIpAddress;
}
