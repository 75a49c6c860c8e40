using Microsoft.Extensions.Configuration;
using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using WaaS.Testing;
using WaaS.Webhooks.Delivery;
using Xunit;

namespace WaaS.Webhooks.Tests.Api;

/// <summary>Webhooks configured as outside Development: HTTPS only, no targets in our own network.</summary>
public sealed class StrictWebhooksApi : WebhooksApi
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Webhooks:RequireHttps"] = "true",
        ["Webhooks:AllowPrivateTargets"] = "false",
        ["Webhooks:PollMilliseconds"] = "50",
    };
}

/// <summary>SSRF: targets that resolve to loopback, private or link-local addresses are refused, naming the rule and the range.</summary>
[Collection(WebhooksApiCollection.Name)]
public sealed class TargetApiTests(StrictWebhooksApi api) : IClassFixture<StrictWebhooksApi>
{
    [Theory]
    [InlineData("http://hooks.partner.example/in", "TargetMustBeHttps", "HTTPS")]
    [InlineData("https://127.0.0.1/in", "TargetMustBePublic", "loopback")]
    [InlineData("https://localhost:8443/in", "TargetMustBePublic", "loopback")]
    [InlineData("https://10.1.2.3/in", "TargetMustBePublic", "private (10.0.0.0/8)")]
    [InlineData("https://192.168.0.10/in", "TargetMustBePublic", "private (192.168.0.0/16)")]
    [InlineData("https://169.254.169.254/latest/meta-data", "TargetMustBePublic", "link-local")]
    [InlineData("https://[::1]/in", "TargetMustBePublic", "loopback")]
    [InlineData("https://[::ffff:10.0.0.1]/in", "TargetMustBePublic", "private")]
    [InlineData("https://[fd00::1]/in", "TargetMustBePublic", "unique local")]
    public async Task A_target_in_our_own_network_or_without_TLS_is_refused_naming_the_rule(string url, string rule, string detail)
    {
        var problem = await api.CreateClient(As.PartnerOf(Guid.NewGuid())).PostAsJsonAsync("/subscriptions", new { url })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);

        Http.Rules(problem).Should().Contain(("url", rule));
        problem.Get<string>("detail").Should().Contain(detail);
    }

    [Fact]
    public async Task At_delivery_time_a_name_that_now_resolves_to_loopback_is_not_connected_to()
    {
        // DNS rebinding: the name passed the check when subscribing, and resolves to loopback when we deliver.
        var url = api.Receiver.Endpoint().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        using var sender = new Sender(WebhookSettings.From(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:AllowPrivateTargets"] = "false" }).Build(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" }), TimeProvider.System);

        var result = await sender.SendAsync(new Uri(url), "{}"u8.ToArray(), "application/json", new Dictionary<string, string>(), CancellationToken.None);

        result.Outcome.Should().Be(AttemptOutcome.Failed);
        result.Error.Should().Contain("TargetMustBePublic").And.Contain("loopback");
        api.Receiver.At(url).Should().BeEmpty("no connection was made");
    }
}
