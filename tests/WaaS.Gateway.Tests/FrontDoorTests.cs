using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using WaaS.Testing;
using Xunit;

namespace WaaS.Gateway.Tests;

/// <summary>The gateway as the front door: tokens, CORS, what is public and what is not.</summary>
public sealed class FrontDoorTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task An_api_request_without_a_token_is_401_and_not_forwarded()
    {
        using var response = await gateway.CreateClient().GetAsync("/api/quoting/quotes?probe=anonymous");

        var problem = await ExpectAsync(response, HttpStatusCode.Unauthorized);
        problem["rule"]!.GetValue<string>().Should().Be("TokenRequired");
        gateway.Forwarded.Should().NotContain(p => p.Contains("probe=anonymous"));
    }

    [Fact]
    public async Task A_token_the_gateway_cannot_validate_is_401_TokenInvalid()
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(As.Operations, key: "someone-elses-signing-key-0123456789-abcdef"));

        using var response = await client.GetAsync("/api/quoting/quotes?probe=forged");

        (await ExpectAsync(response, HttpStatusCode.Unauthorized))["rule"]!.GetValue<string>().Should().Be("TokenInvalid");
        gateway.Forwarded.Should().NotContain(p => p.Contains("probe=forged"));
    }

    [Fact]
    public async Task A_valid_token_is_forwarded_with_the_prefix_removed_and_the_token_passed_on()
    {
        using var response = await gateway.CreateClient(GatewayHost.NewClient()).GetAsync("/api/quoting/quotes?probe=valid");

        var body = await ExpectAsync(response, HttpStatusCode.OK);
        body["path"]!.GetValue<string>().Should().Be("/quotes");
        body["authorization"]!.GetValue<string>().Should().StartWith("Bearer ", "each service validates the token again");
    }

    [Fact]
    public async Task A_route_marked_anonymous_passes_without_a_token()
    {
        using var response = await gateway.CreateClient().GetAsync("/open-test/.well-known/openid-configuration");

        (await ExpectAsync(response, HttpStatusCode.OK))["path"]!.GetValue<string>().Should().Be("/open-test/.well-known/openid-configuration");
    }

    [Fact]
    public async Task A_preflight_from_a_listed_origin_succeeds_without_a_token()
    {
        using var preflight = Preflight(GatewayHost.ListedOrigin, "/api/quoting/quotes?probe=preflight");

        using var response = await gateway.CreateClient().SendAsync(preflight);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(GatewayHost.ListedOrigin);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        var allowed = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        allowed.Should().Contain("authorization").And.Contain("idempotency-key").And.Contain("if-match").And.Contain("content-type");
        gateway.Forwarded.Should().NotContain(p => p.Contains("probe=preflight"), "the gateway answers the preflight itself");
    }

    [Fact]
    public async Task A_listed_origin_may_read_ETag_Location_and_Idempotent_Replayed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/quoting/quotes");
        request.Headers.Add("Origin", GatewayHost.ListedOrigin);

        using var response = await gateway.CreateClient(GatewayHost.NewClient()).SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(GatewayHost.ListedOrigin);
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        exposed.Should().Contain("ETag").And.Contain("Location").And.Contain("Idempotent-Replayed");
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_headers()
    {
        using var preflight = Preflight("https://evil.example.net", "/api/quoting/quotes");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/quoting/quotes");
        request.Headers.Add("Origin", "https://evil.example.net");

        using var preflighted = await gateway.CreateClient().SendAsync(preflight);
        using var response = await gateway.CreateClient(GatewayHost.NewClient()).SendAsync(request);

        preflighted.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        response.Headers.Contains("Access-Control-Expose-Headers").Should().BeFalse();
    }

    [Theory]
    [InlineData("/api/quoting/health")]
    [InlineData("/api/quoting/alive")]
    [InlineData("/api/quoting/metrics")]
    [InlineData("/api/quoting/openapi/v1.json")]
    [InlineData("/api/quoting/scalar/v1")]
    [InlineData("/api/quoting/test/clock")]
    [InlineData("/api/quoting//Health")]
    public async Task A_services_internal_endpoints_are_not_forwarded(string path)
    {
        var probe = Guid.NewGuid().ToString("N");

        using var response = await gateway.CreateClient(GatewayHost.NewClient()).GetAsync($"{path}?probe={probe}");

        (await ExpectAsync(response, HttpStatusCode.NotFound))["rule"]!.GetValue<string>().Should().Be("NotFound");
        gateway.Forwarded.Should().NotContain(p => p.Contains(probe));
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    [InlineData("/test/clock")]
    [InlineData("/quotes")]
    public async Task Paths_outside_the_api_answer_404_problem_with_or_without_a_token(string path)
    {
        using var anonymous = await gateway.CreateClient().GetAsync(path);
        using var withToken = await gateway.CreateClient(GatewayHost.NewClient()).GetAsync(path);

        (await ExpectAsync(anonymous, HttpStatusCode.NotFound))["rule"]!.GetValue<string>().Should().Be("NotFound");
        (await ExpectAsync(withToken, HttpStatusCode.NotFound))["rule"]!.GetValue<string>().Should().Be("NotFound");
    }

    [Fact]
    public async Task The_gateways_metrics_and_health_details_answer_only_on_the_management_port()
    {
        using var publicMetrics = await gateway.CreateClient(As.Operations).GetAsync("/metrics");
        using var publicHealth = await gateway.CreateClient().GetAsync("/health");
        using var alive = await gateway.CreateClient().GetAsync("/alive");
        var managementMetrics = await OnManagementPortAsync("/metrics");
        var managementHealth = await OnManagementPortAsync("/health");

        publicMetrics.StatusCode.Should().Be(HttpStatusCode.NotFound);
        publicHealth.StatusCode.Should().Be(HttpStatusCode.OK);
        (await publicHealth.Content.ReadAsStringAsync()).Should().Be("Healthy", "the public port gives the status word, no details");
        alive.StatusCode.Should().Be(HttpStatusCode.OK);
        managementMetrics.Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        managementHealth.Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        using var health = new StreamReader(managementHealth.Response.Body);
        (await health.ReadToEndAsync()).Should().Contain("\"checks\"");
    }

    [Fact]
    public async Task The_management_port_is_chosen_by_the_connection_not_by_a_Host_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"localhost:{GatewayHost.ManagementPort}";

        using var response = await gateway.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private Task<HttpContext> OnManagementPortAsync(string path) =>
        gateway.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = path;
            http.Connection.LocalPort = GatewayHost.ManagementPort;
        });

    private static HttpRequestMessage Preflight(string origin, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,if-match");
        return request;
    }

    internal static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was {0}", body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }
}
