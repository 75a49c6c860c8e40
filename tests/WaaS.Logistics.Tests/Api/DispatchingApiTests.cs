using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Logistics.Tests.Api;

[Collection(LogisticsCollection.Name)]
public sealed class DispatchingApiTests(LogisticsApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    [Fact]
    public async Task Dispatching_records_every_serial_number_and_publishes_ShipmentDispatched_with_an_etag()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_client, contractId);
        var dispatchedMessages = await api.ObserveAsync<Contracts.ShipmentDispatched>();

        using var response = await _client.Post($"/shipments/{id}/dispatch", LogisticsApi.Devices(contractId));
        response.Headers.ETag!.Tag.Should().Be("\"2\"");
        var dispatched = await Task.FromResult(response).ExpectAsync(HttpStatusCode.OK);

        dispatched.Get<string>("status").Should().Be("Dispatched");
        dispatched.Get<string>("carrier").Should().Be("DHL");
        dispatched["devices"]!.AsArray().Select(d => d!.Get<string>("serialNumber")).Should().Equal($"SN-{contractId:N}-1", $"SN-{contractId:N}-2", $"SN-{contractId:N}-3");
        var (message, correlationId) = await dispatchedMessages.FirstAsync(m => m.ShipmentId == id);
        correlationId.Should().Be(contractId);
        message.TrackingNumber.Should().Be($"TRACK-{contractId:N}");
        message.Devices.Should().HaveCount(3);
    }

    [Fact]
    public async Task Dispatching_twice_is_refused_with_DispatchOnce_and_changes_nothing()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_client, contractId);
        await _client.Post($"/shipments/{id}/dispatch", LogisticsApi.Devices(contractId)).ExpectAsync(HttpStatusCode.OK);

        var again = await _client.Post($"/shipments/{id}/dispatch", new
        {
            carrier = "UPS", trackingNumber = "OTHER", devices = new[] { new { sku = "NB-TP-E14", serialNumber = "X" } },
        }).ExpectAsync(HttpStatusCode.Conflict);

        Http.Rules(again).Should().Equal(("status", "DispatchOnce"));
        (await _client.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("carrier").Should().Be("DHL");
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_with_ExpectedVersion_and_changes_nothing()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_client, contractId);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/shipments/{id}/dispatch") { Content = JsonContent.Create(LogisticsApi.Devices(contractId)) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"7\""));
        var refused = await _client.SendAsync(request).ExpectAsync(HttpStatusCode.Conflict);

        Http.Rules(refused).Should().Equal(("If-Match", "ExpectedVersion"));
        (await _client.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Pending");
    }

    [Fact]
    public async Task Dispatching_an_unknown_shipment_is_not_found()
    {
        var missing = await _client.Post($"/shipments/{Guid.NewGuid()}/dispatch", LogisticsApi.Devices(Guid.NewGuid())).ExpectAsync(HttpStatusCode.NotFound);

        Http.Rules(missing).Should().Equal(("", "NotFound"));
    }
}
