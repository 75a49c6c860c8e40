using System.Net;
using FluentAssertions;
using Xunit;

namespace WaaS.Gateway.Tests;

/// <summary>Even the gateway of an end-to-end test system (services with test clocks) forwards no test, health or metrics
/// path: tests move time on the processes themselves.</summary>
public sealed class TestSystemTests(TestSystemGatewayHost gateway) : IClassFixture<TestSystemGatewayHost>
{
    [Fact]
    public async Task A_test_system_gateway_forwards_neither_the_test_clock_nor_health_or_metrics()
    {
        var client = gateway.CreateClient(GatewayHost.NewClient());

        using var clock = await client.GetAsync("/api/quoting/test/clock");
        using var health = await client.GetAsync("/api/quoting/health");
        using var metrics = await client.GetAsync("/api/quoting/metrics");

        clock.StatusCode.Should().Be(HttpStatusCode.NotFound);
        health.StatusCode.Should().Be(HttpStatusCode.NotFound);
        metrics.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
