using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Gateway.FrontDoor;

/// <summary>
/// The gateway's own metrics and detailed health are for operators, not the internet: they answer only on the
/// management port <c>WAAS_MANAGEMENT_PORT</c> (a second listener next to the public one; keep it off the public load
/// balancer), matched by the port the connection arrived on, not by the Host header a client chooses. Without that
/// setting the gateway serves no metrics. The public port keeps <c>/alive</c> and a bare <c>/health</c> (status word, no
/// details) for probes.
/// </summary>
public static class Management
{
    public const string PortSetting = "WAAS_MANAGEMENT_PORT";

    public static int? PortFrom(IConfiguration configuration) =>
        int.TryParse(configuration[PortSetting], out var port) && port > 0 ? port : null;

    /// <summary>Listens on the management port too, next to the public addresses (ASPNETCORE_URLS / HTTP_PORTS).</summary>
    public static void ListenOnManagementPort(this WebApplicationBuilder builder)
    {
        if (PortFrom(builder.Configuration) is not { } port)
        {
            return;
        }
        var configuration = builder.Configuration;
        var urls = configuration["urls"] is { Length: > 0 } configured
            ? configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : configuration["http_ports"] is { Length: > 0 } ports
                ? ports.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://*:{p.Trim()}").ToArray()
                : ["http://localhost:5000"];
        // The same interface as the public listener (127.0.0.1 locally, every interface in a container).
        var host = new Uri(urls[0].Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal)).Host;
        builder.WebHost.UseUrls([.. urls, $"http://{host}:{port}"]);
    }

    /// <summary>Serves /metrics and the detailed /health on the management port only.</summary>
    public static void UseManagementEndpoints(this WebApplication app)
    {
        if (PortFrom(app.Configuration) is not { } port)
        {
            return;
        }
        app.UseHealthChecks("/health", port, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Connection.LocalPort == port && http.Request.Path == "/metrics");
    }
}
