using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Logistics.Tests.Api;

[Collection(LogisticsCollection.Name)]
public sealed class OrderingApiTests(LogisticsApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    [Fact]
    public async Task An_order_stores_a_pending_shipment_and_publishes_ShipmentCreated_correlated_by_the_contract()
    {
        var contractId = Guid.NewGuid();
        var created = await api.ObserveAsync<Contracts.ShipmentCreated>();

        await api.SendAsync(LogisticsApi.OrderQueue, LogisticsApi.Order(contractId, new DateOnly(2026, 4, 1)));

        var shipment = (await api.ShipmentsAsync(_client, contractId))[0]!;
        shipment.Get<string>("status").Should().Be("Pending");
        shipment.Get<string>("deliverBy").Should().Be("2026-04-01");
        shipment["items"]!.AsArray().Select(i => (i!.Get<string>("sku"), i!.Get<int>("quantity"))).Should().Equal(("NB-TP-E14", 2), ("PH-IP-15", 1));
        DateTimeOffset.Parse(shipment.Get<string>("createdAt")).Should().Be(api.Clock.GetUtcNow());
        var (message, correlationId) = await created.FirstAsync(m => m.ContractId == contractId);
        message.ShipmentId.Should().Be(shipment.Get<Guid>("id"));
        correlationId.Should().Be(contractId);
        var read = await _client.GetAsync($"/shipments/{message.ShipmentId}").ExpectAsync(HttpStatusCode.OK);
        read.ToJsonString().Should().Be(shipment.ToJsonString());
    }

    [Fact]
    public async Task A_redelivered_order_makes_no_second_shipment()
    {
        var contractId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var created = await api.ObserveAsync<Contracts.ShipmentCreated>();

        await api.SendAsync(LogisticsApi.OrderQueue, LogisticsApi.Order(contractId), messageId);
        await api.ShipmentsAsync(_client, contractId);
        await api.SendAsync(LogisticsApi.OrderQueue, LogisticsApi.Order(contractId), messageId);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the outbox polls every 2 s: a second ShipmentCreated would be out by now

        (await api.ShipmentsAsync(_client, contractId)).Should().ContainSingle();
        created.Count(m => m.ContractId == contractId).Should().Be(1);
    }

    [Fact]
    public async Task A_second_order_for_the_same_contract_is_a_second_shipment()
    {
        var contractId = Guid.NewGuid();

        await api.SendAsync(LogisticsApi.OrderQueue, LogisticsApi.Order(contractId));
        await api.SendAsync(LogisticsApi.OrderQueue, LogisticsApi.Order(contractId));

        var shipments = await api.ShipmentsAsync(_client, contractId, 2);
        shipments.Select(s => s!.Get<Guid>("id")).Should().OnlyHaveUniqueItems().And.HaveCount(2);
    }

    [Fact]
    public async Task Shipments_are_listed_by_contract_only_and_an_unknown_one_is_not_found()
    {
        var unfiltered = await _client.GetAsync("/shipments").ExpectAsync(HttpStatusCode.BadRequest);
        var missing = await _client.GetAsync($"/shipments/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
        var none = await _client.GetAsync($"/shipments?contractId={Guid.NewGuid()}").ExpectAsync(HttpStatusCode.OK);

        Http.Rules(unfiltered).Should().Equal(("contractId", "Required"));
        Http.Rules(missing).Should().Equal(("", "NotFound"));
        none.AsArray().Should().BeEmpty();
    }
}
