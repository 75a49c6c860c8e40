using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Logistics.Tests.Api;

[Collection(LogisticsCollection.Name)]
public sealed class FailingApiTests(LogisticsApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    [Fact]
    public async Task A_pending_shipment_fails_as_not_dispatched_and_ShipmentFailed_says_why()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_client, contractId);
        var failedMessages = await api.ObserveAsync<Contracts.ShipmentFailed>();

        var failed = await _client.Post($"/shipments/{id}/failure", new { reason = " out of stock " }).ExpectAsync(HttpStatusCode.OK);

        failed.Get<string>("status").Should().Be("Failed");
        failed.Get<string>("failureReason").Should().Be("out of stock");
        var (message, correlationId) = await failedMessages.FirstAsync(m => m.ShipmentId == id);
        message.Failure.Should().Be(ShipmentFailure.NotDispatched);
        message.Reason.Should().Be("out of stock");
        correlationId.Should().Be(contractId);
    }

    [Fact]
    public async Task A_dispatched_shipment_the_carrier_brings_back_is_returned_undelivered_and_cannot_fail_again()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_client, contractId);
        await _client.Post($"/shipments/{id}/dispatch", LogisticsApi.Devices(contractId)).ExpectAsync(HttpStatusCode.OK);
        var failedMessages = await api.ObserveAsync<Contracts.ShipmentFailed>();

        var back = await _client.Post($"/shipments/{id}/failure", new { reason = "recipient unknown" }).ExpectAsync(HttpStatusCode.OK);
        var again = await _client.Post($"/shipments/{id}/failure", new { reason = "lost" }).ExpectAsync(HttpStatusCode.Conflict);

        back.Get<string>("status").Should().Be("ReturnedUndelivered");
        (await failedMessages.FirstAsync(m => m.ShipmentId == id)).Message.Failure.Should().Be(ShipmentFailure.ReturnedUndelivered);
        Http.Rules(again).Should().Equal(("status", "FailOnlyOpenShipments"));
        (await _client.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("failureReason").Should().Be("recipient unknown");
    }

    [Fact]
    public async Task A_failure_without_a_reason_is_refused_and_stores_nothing()
    {
        var id = await api.OrderAsync(_client, Guid.NewGuid());

        var problem = await _client.Post($"/shipments/{id}/failure", new { reason = " " }).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Equal(("reason", "Required"));
        (await _client.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Pending");
    }

    [Fact]
    public async Task Failing_an_unknown_shipment_is_not_found()
    {
        var missing = await _client.Post($"/shipments/{Guid.NewGuid()}/failure", new { reason = "lost" }).ExpectAsync(HttpStatusCode.NotFound);

        Http.Rules(missing).Should().Equal(("", "NotFound"));
    }
}
