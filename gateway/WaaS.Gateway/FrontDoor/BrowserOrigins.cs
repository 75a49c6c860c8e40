namespace WaaS.Gateway.FrontDoor;

/// <summary>
/// CORS for the marketplaces' browser front ends. Origins come from <c>WAAS_CORS_ORIGINS</c> or <c>Cors:Origins</c>
/// (comma-separated, e.g. <c>https://shop.example.com,https://admin.example.com</c>); Development allows
/// <c>http://localhost:3000</c> when nothing is set, elsewhere no origin is allowed until configured. A preflight is
/// answered before authentication (browsers send it without the token); other origins get no CORS headers, so the
/// browser refuses them. Tokens travel as bearer headers, never cookies, so credentials stay off.
/// </summary>
public static class BrowserOrigins
{
    public const string Setting = "WAAS_CORS_ORIGINS";
    public const string DevelopmentOrigin = "http://localhost:3000";

    public static IReadOnlyList<string> From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting] is { Length: > 0 } env ? env : configuration["Cors:Origins"];
        var origins = (configured ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return origins.Length > 0 ? origins : environment.IsDevelopment() ? [DevelopmentOrigin] : [];
    }

    public static IServiceCollection AddBrowserOrigins(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var origins = From(configuration, environment).ToArray();
        return services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Accept", "Idempotency-Key", "If-Match", "If-None-Match", "X-Correlation-Id")
            .WithExposedHeaders("ETag", "Location", "Idempotent-Replayed", "Retry-After", "WWW-Authenticate")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }
}
