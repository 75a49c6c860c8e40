using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using WaaS.ServiceDefaults.Security;
using WaaS.Testing;
using Xunit;

namespace WaaS.Gateway.Tests;

/// <summary>
/// The gateway in process (its real Program and appsettings), validating test-signed tokens, in front of a real HTTP
/// server on a random local port that stands in for the services (the quoting cluster) and records what reaches it.
/// </summary>
public class GatewayHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ListedOrigin = "https://shop.example.com";
    public const int ManagementPort = 9464;

    private WebApplication _upstream = null!;

    /// <summary>Paths (with query) that reached the upstream service.</summary>
    public ConcurrentQueue<string> Forwarded { get; } = new();

    protected virtual int Permits => 1000;

    /// <summary>Started as part of an end-to-end test system (WAAS_TEST_CLOCK=1).</summary>
    protected virtual bool TestSystem => false;

    public HttpClient CreateClient(Caller caller)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(caller));
        return client;
    }

    /// <summary>A caller of its own client, so the per-client rate limit of one test does not touch another's.</summary>
    public static Caller NewClient() => As.Reseller() with { ClientId = "client-" + Guid.NewGuid().ToString("N")[..8] };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _upstream = builder.Build();
        _upstream.Run(async http =>
        {
            Forwarded.Enqueue(http.Request.Path + http.Request.QueryString);
            http.Response.Headers.ETag = "\"1\"";
            await http.Response.WriteAsJsonAsync(new { path = http.Request.Path.Value, authorization = http.Request.Headers.Authorization.ToString() });
        });
        await _upstream.StartAsync();
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var upstream = _upstream.Urls.First() + "/";
        builder.UseSetting(SecurityExtensions.TestSigningKeySetting, TestTokens.SigningKey);
        builder.UseSetting("WAAS_CORS_ORIGINS", $"{ListedOrigin}, https://admin.example.com");
        builder.UseSetting("WAAS_MANAGEMENT_PORT", ManagementPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WAAS_RATE_LIMIT_PERMITS", Permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WAAS_RATE_LIMIT_WINDOW_SECONDS", "60");
        if (TestSystem)
        {
            builder.UseSetting("WAAS_TEST_CLOCK", "1");
        }
        builder.UseSetting("ReverseProxy:Clusters:quoting:Destinations:primary:Address", upstream);
        // An anonymous route, as the identity routes are ("AuthorizationPolicy": "anonymous").
        builder.UseSetting("ReverseProxy:Routes:open-test:ClusterId", "quoting");
        builder.UseSetting("ReverseProxy:Routes:open-test:AuthorizationPolicy", "anonymous");
        builder.UseSetting("ReverseProxy:Routes:open-test:Match:Path", "/open-test/{**rest}");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _upstream.DisposeAsync();
    }
}

/// <summary>The gateway with a tiny rate limit (3 requests a minute per client).</summary>
public sealed class TightGatewayHost : GatewayHost
{
    protected override int Permits => 3;
}

/// <summary>The gateway of an end-to-end test system (WAAS_TEST_CLOCK=1).</summary>
public sealed class TestSystemGatewayHost : GatewayHost
{
    protected override bool TestSystem => true;
}
