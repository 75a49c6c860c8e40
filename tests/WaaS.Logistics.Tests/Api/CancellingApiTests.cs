using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Logistics.Tests.Api;

[Collection(LogisticsCollection.Name)]
public sealed class CancellingApiTests(LogisticsApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    [Fact]
    public async Task A_cancelled_deal_drops_its_pending_shipment_with_the_reason()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_client, contractId);

        await api.SendAsync(LogisticsApi.CancelQueue, new CancelShipment(contractId, "customer withdrew"));

        var cancelled = await LogisticsApi.StatusAsync(_client, id, "Cancelled");
        cancelled.Get<string>("failureReason").Should().Be("customer withdrew");
    }

    [Fact]
    public async Task A_cancellation_that_overtakes_its_order_waits_for_it()
    {
        var contractId = Guid.NewGuid();

        await api.SendAsync(LogisticsApi.CancelQueue, new CancelShipment(contractId, "customer withdrew"));
        await Task.Delay(300);
        await api.SendAsync(LogisticsApi.OrderQueue, LogisticsApi.Order(contractId));

        var id = (await api.ShipmentsAsync(_client, contractId))[0]!.Get<Guid>("id");
        await LogisticsApi.StatusAsync(_client, id, "Cancelled");
    }

    [Fact]
    public async Task A_cancellation_leaves_a_dispatched_shipment_dispatched_and_drops_only_the_pending_one()
    {
        var contractId = Guid.NewGuid();
        await api.SendAsync(LogisticsApi.OrderQueue, LogisticsApi.Order(contractId));
        await api.SendAsync(LogisticsApi.OrderQueue, LogisticsApi.Order(contractId));
        var shipments = await api.ShipmentsAsync(_client, contractId, 2);
        var (dispatched, pending) = (shipments[0]!.Get<Guid>("id"), shipments[1]!.Get<Guid>("id"));
        await _client.Post($"/shipments/{dispatched}/dispatch", LogisticsApi.Devices(contractId)).ExpectAsync(HttpStatusCode.OK);

        await api.SendAsync(LogisticsApi.CancelQueue, new CancelShipment(contractId, "customer withdrew"));

        await LogisticsApi.StatusAsync(_client, pending, "Cancelled");
        (await _client.GetAsync($"/shipments/{dispatched}").ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Dispatched");
    }
}
