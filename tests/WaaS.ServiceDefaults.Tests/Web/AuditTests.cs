using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using WaaS.ServiceDefaults.Auditing;
using WaaS.ServiceDefaults.Security;
using WaaS.Testing;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Web;

/// <summary>Every event records who caused it: on requests from the token, on messages from the headers the outbox carries.</summary>
public sealed class AuditTests(WebHost host) : IClassFixture<WebHost>
{
    [Fact]
    public async Task An_http_write_records_subject_client_tenant_and_the_clients_correlation_id()
    {
        var caller = As.Reseller();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tallies") { Content = JsonContent.Create(new TallyRequest(2)) };
        request.Headers.Add(Audit.CorrelationHeader, "order-4711");

        using var response = await host.Client(caller).SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var trail = await TrailAsync(StreamOf(response));
        trail.Should().HaveCount(2).And.OnlyContain(e =>
            e.Subject == caller.Subject && e.Client == caller.ClientId && e.Tenant == caller.TenantId.ToString()
            && e.TenantKind == "reseller" && e.CorrelationId == "order-4711");
        trail.Select(e => e.What).Should().Equal("tally_opened", "tally_counted");
    }

    [Fact]
    public async Task Without_a_correlation_id_the_request_is_correlated_by_its_W3C_trace_id()
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tallies") { Content = JsonContent.Create(new TallyRequest(1)) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Add(Audit.CorrelationHeader, "not a valid id!");

        using var response = await host.Client(As.Operations).SendAsync(request);

        (await TrailAsync(StreamOf(response))).Should().OnlyContain(e => e.CorrelationId == trace.ToString() && e.Subject == As.Operations.Subject);
    }

    [Fact]
    public async Task A_consumers_event_records_the_person_whose_request_sent_the_message()
    {
        var caller = As.Customer();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tallies") { Content = JsonContent.Create(new TallyRequest(5)) };
        request.Headers.Add(Audit.CorrelationHeader, "chain-" + Guid.NewGuid().ToString("N")[..8]);
        var correlation = request.Headers.GetValues(Audit.CorrelationHeader).Single();

        using var response = await host.Client(caller).SendAsync(request);
        var echo = Guid.Parse(response.Headers.GetValues("X-Echo").Single());

        var entry = (await EventuallyTrailAsync(echo)).Should().ContainSingle().Subject;
        entry.What.Should().Be("echoed");
        entry.Subject.Should().Be(caller.Subject);
        entry.Client.Should().Be(caller.ClientId);
        entry.Tenant.Should().Be(caller.TenantId.ToString());
        entry.TenantKind.Should().Be("customer");
        entry.CorrelationId.Should().Be(correlation, "the chain keeps the request's correlation across the broker");
        await using var session = host.Store.QuerySession();
        (await session.Events.FetchStreamAsync(echo)).Single().CausationId.Should().NotBeNullOrEmpty("the message caused it");
    }

    [Fact]
    public async Task A_deadline_falling_due_is_recorded_as_the_system()
    {
        using var response = await host.Client(As.Reseller()).PostAsync("/echo-later", null);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var echo = (await response.Content.ReadFromJsonAsync<EchoAnswer>())!.Echo;

        var entry = (await EventuallyTrailAsync(echo)).Should().ContainSingle().Subject;
        entry.Subject.Should().Be(AuditHeaders.SystemSubject);
        entry.Client.Should().BeNull();
        entry.Tenant.Should().BeNull();
    }

    private sealed record EchoAnswer(Guid Echo);

    private static Guid StreamOf(HttpResponseMessage response) => Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());

    private async Task<IReadOnlyList<AuditEntry>> TrailAsync(Guid stream)
    {
        await using var session = host.Store.QuerySession();
        return await AuditTrail.ReadAsync(session, stream);
    }

    private async Task<IReadOnlyList<AuditEntry>> EventuallyTrailAsync(Guid stream)
    {
        await Eventually.HoldsAsync(async () => (await TrailAsync(stream)).Count > 0, $"stream {stream} was written");
        return await TrailAsync(stream);
    }
}
