using System.Net;
using FluentAssertions;
using Xunit;

namespace WaaS.Gateway.Tests;

/// <summary>Only a gateway of an end-to-end test system forwards the test clock; health and metrics stay internal there too.</summary>
public sealed class TestSystemTests(TestSystemGatewayHost gateway) : IClassFixture<TestSystemGatewayHost>
{
    [Fact]
    public async Task A_test_system_gateway_forwards_the_test_clock_but_still_not_health_or_metrics()
    {
        var client = gateway.CreateClient(GatewayHost.NewClient());

        using var clock = await client.GetAsync("/api/quoting/test/clock");
        using var health = await client.GetAsync("/api/quoting/health");
        using var metrics = await client.GetAsync("/api/quoting/metrics");

        (await FrontDoorTests.ExpectAsync(clock, HttpStatusCode.OK))["path"]!.GetValue<string>().Should().Be("/test/clock");
        health.StatusCode.Should().Be(HttpStatusCode.NotFound);
        metrics.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
