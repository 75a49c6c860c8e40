using System.Net;
using FluentAssertions;
using Xunit;

namespace WaaS.Gateway.Tests;

/// <summary>Rate limiting per client (here 3 requests a minute).</summary>
public sealed class RateLimitTests(TightGatewayHost gateway) : IClassFixture<TightGatewayHost>
{
    [Fact]
    public async Task A_client_over_its_limit_gets_429_RateLimited_with_Retry_After_and_other_clients_do_not()
    {
        var client = gateway.CreateClient(GatewayHost.NewClient());
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync($"/api/quoting/quotes?n={i}");
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var limited = await client.GetAsync("/api/quoting/quotes?n=over");
        using var other = await gateway.CreateClient(GatewayHost.NewClient()).GetAsync("/api/quoting/quotes?n=other");

        var problem = await FrontDoorTests.ExpectAsync(limited, HttpStatusCode.TooManyRequests);
        problem["rule"]!.GetValue<string>().Should().Be("RateLimited");
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        limited.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        gateway.Forwarded.Should().NotContain(p => p.Contains("n=over"));
        other.StatusCode.Should().Be(HttpStatusCode.OK, "the limit is per client");
    }

    [Fact]
    public async Task Probes_are_not_rate_limited()
    {
        for (var i = 0; i < 5; i++)
        {
            using var alive = await gateway.CreateClient().GetAsync("/alive");
            alive.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }
}
