using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace WaaS.EndToEnd.Tests;

/// <summary>
/// Walks a deal through the gateway the way a marketplace front end (for reseller 1) and the distributor's operations
/// would, each with its own token.
/// </summary>
public sealed class DealDriver(WaaSSystem system)
{
    public static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient gateway = system.Reseller;
    private readonly HttpClient operations = system.Operations;

    /// <summary>The reseller the deals are sold by (the token's tenant).</summary>
    public Guid ResellerId => system.ResellerId;

    /// <summary>
    /// A customer of its own: credit keys a customer's exposure by its VAT id, so each gets a fresh one (German unless
    /// given) ending in <paramref name="score"/>, the development bureau's score for it (89: band A, 250,000 EUR limit).
    /// </summary>
    public static object Customer(string country = "DE", string? vatId = null, int score = 89) => new
    {
        companyName = $"Muster {Guid.NewGuid():N}"[..20] + " GmbH",
        country,
        vatId = vatId ?? NewVatId(score),
        billingEmail = "ap@muster.example",
    };

    public static string NewVatId(int score = 89) => $"DE{Random.Shared.Next(1_000_000, 9_999_999)}{score:00}";

    /// <summary>The bureau score of the customers this driver quotes for (70: band B, limit 100,000 EUR).</summary>
    public int CustomerScore { get; set; } = 89;

    public async Task<JsonNode> CreateQuoteAsync(int termMonths, params (string Sku, int Quantity)[] lines)
    {
        var response = await gateway.PostAsJsonAsync("quoting/quotes", new
        {
            customer = Customer(score: CustomerScore),
            termMonths,
            lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }),
        });
        return await ExpectAsync(response, HttpStatusCode.Created);
    }

    public async Task<Guid> AcceptAsync(Guid quoteId)
    {
        var accepted = await ExpectAsync(await gateway.PostAsync($"quoting/quotes/{quoteId}/accept", null), HttpStatusCode.OK);
        return accepted["contractId"]!.GetValue<Guid>();
    }

    /// <summary>Waits until the contract draft exists (it is created from the QuoteAccepted message).</summary>
    public Task<JsonNode> ContractAsync(Guid contractId, Func<JsonNode, bool>? until = null) =>
        EventuallyAsync($"contract/contracts/{contractId}", until ?? (_ => true));

    public async Task SignBothAsync(Guid contractId)
    {
        await ContractAsync(contractId);
        await ExpectAsync(await gateway.PostAsJsonAsync($"contract/contracts/{contractId}/signatures/customer", new { signedBy = "Erika Muster" }), HttpStatusCode.OK);
        await ExpectAsync(await operations.PostAsJsonAsync($"contract/contracts/{contractId}/signatures/distributor", new { signedBy = "WaaS Operations" }), HttpStatusCode.OK);
    }

    /// <summary>
    /// Waits until the deal is in <paramref name="state"/> and its timeline (a read model fed by the same messages,
    /// a few milliseconds behind the saga) shows the step that announces that state.
    /// </summary>
    public Task<JsonNode> DealInStateAsync(Guid contractId, string state) =>
        EventuallyAsync($"contract/deals/{contractId}", deal => deal["state"]!.GetValue<string>() == state
            && (!Announcing.TryGetValue(state, out var steps) || Steps(deal).Intersect(steps).Any()));

    private static readonly Dictionary<string, string[]> Announcing = new()
    {
        ["CheckingCredit"] = ["ContractSigned"],
        ["ManualReview"] = ["CreditReferredToManualReview", "CreditCheckFailed"],
        ["CreditDecisionOverdue"] = ["CreditDecisionOverdue"],
        ["Rejected"] = ["CreditRejected"],
        ["AwaitingDispatch"] = ["CreditApproved"],
        ["InTransit"] = ["ShipmentDispatched"],
        ["DeliveryOverdue"] = ["DeliveryOverdue"],
        ["ShipmentFailed"] = ["ShipmentNotDispatched", "ShipmentOrderFailed"],
        ["ReturnedUndelivered"] = ["ShipmentReturnedUndelivered"],
        ["Cancelled"] = ["DealCancelled"],
        ["Active"] = ["ContractActivated"],
        ["Ended"] = ["ContractEndOfTerm", "ContractTerminatedEarly"],
    };

    public Task<JsonNode> DealAsync(Guid contractId, Func<JsonNode, bool> until) => EventuallyAsync($"contract/deals/{contractId}", until);

    public async Task<Guid> ShipmentOfAsync(Guid contractId)
    {
        var shipments = await EventuallyAsync($"logistics/shipments?contractId={contractId}", s => s.AsArray().Count > 0);
        return shipments[0]!["id"]!.GetValue<Guid>();
    }

    public async Task DispatchAsync(Guid shipmentId, params (string Sku, string Serial)[] devices) =>
        await ExpectAsync(await operations.PostAsJsonAsync($"logistics/shipments/{shipmentId}/dispatch", new
        {
            carrier = "DHL",
            trackingNumber = "JJD" + Random.Shared.Next(100000, 999999),
            devices = devices.Select(d => new { sku = d.Sku, serialNumber = d.Serial }),
        }), HttpStatusCode.OK);

    public async Task DeliverAsync(Guid shipmentId) =>
        await ExpectAsync(await operations.PostAsync($"logistics/shipments/{shipmentId}/delivery", null), HttpStatusCode.OK);

    /// <summary>Polls a GET (as the reseller) until it answers 200 and the condition holds; fails with the last answer.</summary>
    public Task<JsonNode> EventuallyAsync(string path, Func<JsonNode, bool> until, TimeSpan? timeout = null) =>
        EventuallyAsync(gateway, path, until, timeout);

    /// <summary>Polls a distributor-only GET (worklists) as operations.</summary>
    public Task<JsonNode> OperationsSeeAsync(string path, Func<JsonNode, bool> until) =>
        EventuallyAsync(operations, path, until, null);

    private static async Task<JsonNode> EventuallyAsync(HttpClient gateway, string path, Func<JsonNode, bool> until, TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? MessageTimeout);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await gateway.GetAsync(path);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var node = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (until(node))
                {
                    return node;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"GET {path} did not reach the expected state within {timeout ?? MessageTimeout}; last answer: {last}");
    }

    public static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was {0}", body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static string[] Steps(JsonNode deal) =>
        [.. deal["history"]!.AsArray().Select(h => h!["step"]!.GetValue<string>())];
}
