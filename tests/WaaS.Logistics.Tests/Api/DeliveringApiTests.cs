using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Logistics.Tests.Api;

[Collection(LogisticsCollection.Name)]
public sealed class DeliveringApiTests(LogisticsApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    [Fact]
    public async Task Delivering_a_dispatched_shipment_publishes_ShipmentDelivered_correlated_by_the_contract()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_client, contractId);
        await _client.Post($"/shipments/{id}/dispatch", LogisticsApi.Devices(contractId)).ExpectAsync(HttpStatusCode.OK);
        var deliveredMessages = await api.ObserveAsync<Contracts.ShipmentDelivered>();

        var delivered = await _client.PostAsync($"/shipments/{id}/delivery", null).ExpectAsync(HttpStatusCode.OK);

        delivered.Get<string>("status").Should().Be("Delivered");
        DateTimeOffset.Parse(delivered.Get<string>("deliveredAt")).Should().Be(api.Clock.GetUtcNow());
        var (message, correlationId) = await deliveredMessages.FirstAsync(m => m.ShipmentId == id);
        message.ContractId.Should().Be(contractId);
        correlationId.Should().Be(contractId);
    }

    [Fact]
    public async Task Delivering_before_dispatch_is_refused_with_DeliverAfterDispatch_and_changes_nothing()
    {
        var id = await api.OrderAsync(_client, Guid.NewGuid());

        var refused = await _client.PostAsync($"/shipments/{id}/delivery", null).ExpectAsync(HttpStatusCode.Conflict);

        Http.Rules(refused).Should().Equal(("status", "DeliverAfterDispatch"));
        var shipment = await _client.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK);
        shipment.Get<string>("status").Should().Be("Pending");
        shipment["deliveredAt"].Should().BeNull();
    }

    [Fact]
    public async Task Delivering_an_unknown_shipment_is_not_found()
    {
        var missing = await _client.PostAsync($"/shipments/{Guid.NewGuid()}/delivery", null).ExpectAsync(HttpStatusCode.NotFound);

        Http.Rules(missing).Should().Equal(("", "NotFound"));
    }
}
