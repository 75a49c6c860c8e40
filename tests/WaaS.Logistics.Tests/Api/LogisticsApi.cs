using System.Net;
using System.Text.Json.Nodes;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Logistics.Tests.Api;

/// <summary>Logistics in process. Its queues are named by the service, so every API test class shares this one host.</summary>
public sealed class LogisticsApi : ServiceApi<Program>
{
    public const string OrderQueue = "logistics-create-shipment";
    public const string CancelQueue = "logistics-cancel-shipment";

    /// <summary>The deal saga's order; a new reseller sells it unless <paramref name="resellerId"/> is given.</summary>
    public static CreateShipment Order(Guid contractId, DateOnly? deliverBy = null, Guid? resellerId = null, Guid? customerAccount = null) =>
        new(contractId, new Customer("Voorbeeld B.V.", "NL", "NL123456789B01", "ap@voorbeeld.example", AccountId: customerAccount),
            [new ShipmentItem("NB-TP-E14", "ThinkPad E14", 2), new ShipmentItem("PH-IP-15", "iPhone 15", 1)], deliverBy, resellerId ?? Guid.NewGuid());

    public static object Devices(Guid contractId) => new
    {
        carrier = "DHL",
        trackingNumber = $"TRACK-{contractId:N}",
        devices = new[]
        {
            new { sku = "NB-TP-E14", serialNumber = $"SN-{contractId:N}-1" },
            new { sku = "NB-TP-E14", serialNumber = $"SN-{contractId:N}-2" },
            new { sku = "PH-IP-15", serialNumber = $"SN-{contractId:N}-3" },
        },
    };

    /// <summary>The contract's shipments once there are <paramref name="count"/> of them.</summary>
    public async Task<JsonArray> ShipmentsAsync(HttpClient client, Guid contractId, int count = 1) =>
        (await Eventually.GetAsync(client, $"/shipments?contractId={contractId}", s => s.AsArray().Count >= count,
            $"{count} shipment(s) for contract {contractId}")).AsArray();

    /// <summary>Orders a shipment for <paramref name="contractId"/> as the deal saga does and waits until it is stored.</summary>
    public Task<Guid> OrderAsync(HttpClient client, Guid contractId) => OrderAsync(client, Order(contractId));

    /// <summary>Sends <paramref name="order"/> as the deal saga does and waits until <paramref name="client"/> reads it.</summary>
    public async Task<Guid> OrderAsync(HttpClient client, CreateShipment order)
    {
        await SendAsync(OrderQueue, order);
        return (await ShipmentsAsync(client, order.ContractId))[0]!.Get<Guid>("id");
    }

    /// <summary>Waits until the shipment reads <paramref name="status"/>.</summary>
    public static Task<JsonNode> StatusAsync(HttpClient client, Guid shipmentId, string status) =>
        Eventually.GetAsync(client, $"/shipments/{shipmentId}", s => s.Get<string>("status") == status, $"shipment {shipmentId} is {status}");
}

[CollectionDefinition(Name)]
public sealed class LogisticsCollection : ICollectionFixture<LogisticsApi>
{
    public const string Name = "Logistics API";
}
