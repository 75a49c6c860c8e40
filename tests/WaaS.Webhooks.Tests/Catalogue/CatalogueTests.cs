using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using MassTransit;
using WaaS.Testing;
using WaaS.Webhooks.Events;
using WaaS.Webhooks.Events.Publishing;
using WaaS.Webhooks.Tests.Api;
using Xunit;

namespace WaaS.Webhooks.Tests.Catalogue;

/// <summary>The catalogue says what is really published: every consumed message has its event type, and what arrives fits its schema.</summary>
[Collection(WebhooksApiCollection.Name)]
public sealed class CatalogueTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public void Every_message_the_publisher_consumes_has_exactly_one_catalogued_event_type_and_back()
    {
        var consumed = typeof(PublishWebhookEvents).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]).ToArray();

        EventTypes.All.Where(t => t.Message is not null).Select(t => t.Message).Should().BeEquivalentTo(consumed);
        EventTypes.All.Select(t => t.Name).Should().OnlyHaveUniqueItems().And.AllSatisfy(n => n.Should().MatchRegex(@"^[a-z-]+\.[a-z-]+\.v\d+$"));
    }

    [Fact]
    public async Task The_AsyncAPI_document_lists_every_event_type_with_a_schema_its_example_fits()
    {
        var client = api.CreateClient(As.PartnerOf(Guid.NewGuid()));
        var document = await client.GetAsync("/catalogue/asyncapi.json").ExpectAsync(HttpStatusCode.OK);

        document.Get<string>("asyncapi").Should().Be("3.0.0");
        document["components"]!["messages"]!.AsObject().Select(m => m.Key).Should().BeEquivalentTo(EventTypes.All.Select(t => t.Name));
        document["operations"]!["receiveEvent"]!.Get<string>("action").Should().Be("receive");
        document["x-waas-retry-policy"]!.Get<string>("disablesSubscription").Should().Contain("410");
        foreach (var type in EventTypes.All)
        {
            var schema = JsonSchema.FromText((await client.GetAsync($"/catalogue/schemas/{type.Name}.json").ExpectAsync(HttpStatusCode.OK)).ToJsonString());
            var example = document["components"]!["messages"]![type.Name]!["examples"]![0]!["payload"]!["data"]!;
            schema.Evaluate(example, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid.Should().BeTrue($"the example of {type.Name} fits its schema");
            schema.Evaluate(JsonNode.Parse("{}"), new EvaluationOptions()).IsValid.Should().BeFalse($"the schema of {type.Name} requires its fields");
        }
        await client.GetAsync("/catalogue/schemas/contract.signed.v9").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_event_a_partner_really_receives_fits_the_schema_of_its_type()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var url = api.Receiver.Endpoint();
        var (subscription, _) = await api.SubscribeAsync(partner, url);
        var contract = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        object[] messages =
        [
            Messages.Signed(reseller, contract),
            Messages.Activated(reseller, contract),
            new WaaS.Contracts.ContractExtended(contract, reseller, 1, 3, 27, new DateOnly(2028, 3, 1), new DateOnly(2028, 6, 1), Messages.Monthly, 40m, now),
            new WaaS.Contracts.ContractEndingSoon(contract, reseller, new DateOnly(2028, 6, 1), 90, now),
            new WaaS.Contracts.ContractEnded(contract, reseller, WaaS.Contracts.ContractEndReason.EndOfTerm, new DateOnly(2028, 6, 1), 0m,
                [new WaaS.Contracts.ShippedDevice("NB-LAT-5450", "DL-001")], now),
            new WaaS.Contracts.DealRejected(contract, "credit", now),
            new WaaS.Contracts.DealCancelled(contract, "withdrawn", now),
            Messages.SellOut(reseller, contract),
        ];
        foreach (var message in messages)
        {
            await (Task)typeof(WebhooksApi).GetMethod(nameof(WebhooksApi.PublishAsync))!.MakeGenericMethod(message.GetType()).Invoke(api, [message, WebhooksApi.EventsQueue])!;
        }
        await api.CreateClient(partner).PostAsync($"/subscriptions/{subscription}/ping", null).ExpectAsync(HttpStatusCode.Accepted);

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.ProcessedAt(url).Count == EventTypes.All.Count), "not every type arrived");
        var received = api.Receiver.ProcessedAt(url);
        received.Select(r => r.Type).Should().BeEquivalentTo(EventTypes.All.Select(t => t.Name));
        foreach (var r in received)
        {
            var schema = JsonSchema.FromText(AsyncApiDocument(r.Type));
            schema.Evaluate(r.Data, new EvaluationOptions()).IsValid.Should().BeTrue($"{r.Type} as delivered fits its schema: {r.Data.ToJsonString()}");
        }
        received.Single(r => r.Type == EventTypes.DealRejected).Data.Get<Guid>("resellerId").Should().Be(reseller, "known from the signing");
        received.Single(r => r.Type == EventTypes.ContractExtended).Data["items"]!.AsArray().Should().HaveCount(2, "items known from the signing");
    }

    private static string AsyncApiDocument(string type) =>
        WaaS.Webhooks.Catalogue.AsyncApiDocument.Schema(EventTypes.Find(type)!).ToJsonString();
}
