using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace WaaS.EndToEnd.Tests;

/// <summary>
/// Moves a running contract through its life: test clocks (every service started with WAAS_TEST_CLOCK=1, moved on the
/// processes themselves), activation in one call, the reseller's contract writes with If-Match through the gateway.
/// </summary>
public sealed class LifecycleDriver(WaaSSystem system, DealDriver deals)
{
    private readonly HttpClient gateway = system.Reseller;

    /// <summary>The processes whose test clock moves with the contracts (infra/services.tsv names). Not accounts: the tokens
    /// it issues must stay valid in real time, which is what every process checks them against.</summary>
    public static readonly string[] ClockedServices = ["quoting", "contracting", "credit", "commission", "logistics", "billing", "returns", "vendor-reporting", "notifications", "webhooks"];

    /// <summary>Moves every service's clock forward by the same amount, so they keep agreeing on the date.</summary>
    public async Task AdvanceClocksAsync(TimeSpan by)
    {
        foreach (var service in ClockedServices)
        {
            await system.ClockAsync(service, by);
        }
    }

    public async Task<DateOnly> TodayAsync()
    {
        var reading = await system.ClockAsync("contracting");
        return DateOnly.FromDateTime(reading["now"]!.GetValue<DateTimeOffset>().UtcDateTime);
    }

    /// <summary>Quote → accept → both sign → credit → ship → deliver; returns the quote and the active contract.</summary>
    public async Task<(JsonNode Quote, JsonNode Contract)> ActiveContractAsync(int termMonths, params (string Sku, int Quantity)[] lines)
    {
        var quote = await deals.CreateQuoteAsync(termMonths, lines);
        var contractId = await deals.AcceptAsync(quote["id"]!.GetValue<Guid>());
        return (quote, await ActivateAsync(contractId));
    }

    public async Task<JsonNode> ActivateAsync(Guid contractId)
    {
        await deals.SignBothAsync(contractId);
        var shipmentId = await deals.ShipmentOfAsync(contractId);
        var shipment = await deals.EventuallyAsync($"logistics/shipments/{shipmentId}", _ => true);
        var serial = 0;
        var devices = shipment["items"]!.AsArray()
            .SelectMany(i => Enumerable.Range(0, i!["quantity"]!.GetValue<int>()).Select(_ => (i["sku"]!.GetValue<string>(), $"SN-{contractId:N}-{++serial}")))
            .ToArray();
        await deals.DispatchAsync(shipmentId, devices);
        await deals.DeliverAsync(shipmentId);
        return await deals.ContractAsync(contractId, c => c["status"]!.GetValue<string>() == "Active");
    }

    /// <summary>A new quote for the same customer and reseller as <paramref name="contract"/> (the follow-up offer).</summary>
    public async Task<JsonNode> FollowUpQuoteAsync(JsonNode contract, int termMonths, params (string Sku, int Quantity)[] lines)
    {
        var response = await gateway.PostAsJsonAsync("quoting/quotes", new
        {
            customer = contract["customer"]!.DeepClone(),
            termMonths,
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
        });
        return await DealDriver.ExpectAsync(response, HttpStatusCode.Created);
    }

    /// <summary>A contract write with the version the caller read, as a front end would send it.</summary>
    public Task<HttpResponseMessage> PostWithIfMatchAsync(string path, object? body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return gateway.SendAsync(request);
    }

    public async Task<string> ETagOfAsync(Guid contractId)
    {
        using var response = await gateway.GetAsync($"contract/contracts/{contractId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }
}
