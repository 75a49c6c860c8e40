using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Logistics.Tests.Api;

/// <summary>Every way a dispatch can fail to name its devices answers the field and the rule, and stores nothing.</summary>
[Collection(LogisticsCollection.Name)]
public sealed class DispatchValidationApiTests(LogisticsApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    public static TheoryData<string, string, string> BadDispatches() => new()
    {
        { """{"trackingNumber":"T","devices":[{"sku":"NB-TP-E14","serialNumber":"A"},{"sku":"NB-TP-E14","serialNumber":"B"},{"sku":"PH-IP-15","serialNumber":"C"}]}""", "carrier", "Required" },
        { """{"carrier":"DHL","devices":[{"sku":"NB-TP-E14","serialNumber":"A"},{"sku":"NB-TP-E14","serialNumber":"B"},{"sku":"PH-IP-15","serialNumber":"C"}]}""", "trackingNumber", "Required" },
        { """{"carrier":"DHL","trackingNumber":"T","devices":[]}""", "devices", "Required" },
        { """{"carrier":"DHL","trackingNumber":"T","devices":[{"sku":"NB-TP-E14","serialNumber":"A"},{"sku":"NB-TP-E14","serialNumber":""},{"sku":"PH-IP-15","serialNumber":"C"}]}""", "devices", "SerialNumberRequired" },
        { """{"carrier":"DHL","trackingNumber":"T","devices":[{"sku":"NB-TP-E14","serialNumber":"A"},{"sku":"NB-TP-E14","serialNumber":"a"},{"sku":"PH-IP-15","serialNumber":"C"}]}""", "devices", "SerialNumberUnique" },
        { """{"carrier":"DHL","trackingNumber":"T","devices":[{"sku":"NB-TP-E14","serialNumber":"A"},{"sku":"PH-IP-15","serialNumber":"C"}]}""", "devices", "OneSerialPerDevice" },
        { """{"carrier":"DHL","trackingNumber":"T","devices":[{"sku":"NB-TP-E14","serialNumber":"A"},{"sku":"NB-TP-E14","serialNumber":"B"},{"sku":"PH-IP-15","serialNumber":"C"},{"sku":"MON-X","serialNumber":"D"}]}""", "devices", "DeviceInOrder" },
    };

    [Theory]
    [MemberData(nameof(BadDispatches))]
    public async Task A_dispatch_that_does_not_name_every_device_is_refused_with_the_field_and_rule_and_stores_nothing(string body, string field, string rule)
    {
        var id = await api.OrderAsync(_client, Guid.NewGuid());

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await _client.PostAsync($"/shipments/{id}/dispatch", content).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Equal((field, rule));
        var shipment = await _client.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK);
        shipment.Get<string>("status").Should().Be("Pending");
        shipment["devices"]!.AsArray().Should().BeEmpty();
    }
}
