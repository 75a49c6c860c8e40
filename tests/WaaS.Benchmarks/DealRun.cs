using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace WaaS.Benchmarks;

/// <summary>The phases a deal is timed in, in the order they happen.</summary>
public enum Phase
{
    QuoteCreate,
    AcceptToDraft,
    SignBoth,
    SagaChain,
    Dispatch,
    DeliveryToActive,
    WholeDeal,
}

/// <summary>What one deal measured: milliseconds per phase, or the phase it failed in and why.</summary>
public sealed class DealResult
{
    public Dictionary<Phase, double> Milliseconds { get; } = [];

    public Phase? FailedIn { get; set; }

    public string? Error { get; set; }

    /// <summary>The saga's history steps with their server-side time stamps, for the hop breakdown.</summary>
    public IReadOnlyList<(string Step, DateTimeOffset At)> History { get; set; } = [];
}

/// <summary>
/// One deal through the gateway, every step as a marketplace front end and operations would take it:
/// quote → accept → draft → both signatures → credit, commission, shipment → dispatch → delivery → active.
/// Each deal has its own reseller and customer.
/// </summary>
public sealed class DealRun(Gateway gateway)
{
    private static readonly string[] GiveUpStates = ["Rejected", "ManualReview", "CreditDecisionOverdue", "Cancelled", "ShipmentFailed", "DeliveryOverdue"];

    public async Task<DealResult> RunAsync(int number, CancellationToken ct)
    {
        var result = new DealResult();
        var phase = Phase.QuoteCreate;
        var whole = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();

        void Lap(Phase done, Phase next)
        {
            result.Milliseconds[done] = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            phase = next;
        }

        try
        {
            var quote = await gateway.PostAsync("quoting/quotes", QuoteRequest(number), HttpStatusCode.Created, ct);
            var quoteId = quote["id"]!.GetValue<Guid>();
            Lap(Phase.QuoteCreate, Phase.AcceptToDraft);

            var accepted = await gateway.PostAsync($"quoting/quotes/{quoteId}/accept", null, HttpStatusCode.OK, ct);
            var contractId = accepted["contractId"]!.GetValue<Guid>();
            await gateway.EventuallyAsync($"contract/contracts/{contractId}", c => Is(c, "status", "Draft"), ct);
            Lap(Phase.AcceptToDraft, Phase.SignBoth);

            await gateway.PostAsync($"contract/contracts/{contractId}/signatures/customer", new { signedBy = "Erika Muster" }, HttpStatusCode.OK, ct);
            await gateway.PostAsOperationsAsync($"contract/contracts/{contractId}/signatures/distributor", new { signedBy = "WaaS Operations" }, HttpStatusCode.OK, ct);
            Lap(Phase.SignBoth, Phase.SagaChain);

            // The saga hop chain: contract → credit → contract → commission + logistics → contract.
            await gateway.EventuallyAsync($"contract/deals/{contractId}",
                d => d["commissionPayable"]!.GetValue<bool>() && d["shipmentId"] is not null && Steps(d).Contains("CreditApproved"),
                ct, GaveUp);
            var shipments = await gateway.EventuallyAsync($"logistics/shipments?contractId={contractId}", s => s.AsArray().Count > 0, ct);
            var shipmentId = shipments[0]!["id"]!.GetValue<Guid>();
            Lap(Phase.SagaChain, Phase.Dispatch);

            var shipment = await gateway.GetAsync($"logistics/shipments/{shipmentId}", ct);
            var serial = 0;
            var devices = shipment["items"]!.AsArray()
                .SelectMany(item => Enumerable.Range(0, item!["quantity"]!.GetValue<int>())
                    .Select(_ => new { sku = item["sku"]!.GetValue<string>(), serialNumber = $"SN-{contractId:N}-{++serial}" }))
                .ToArray();
            await gateway.PostAsOperationsAsync($"logistics/shipments/{shipmentId}/dispatch",
                new { carrier = "DHL", trackingNumber = $"JJD{number:000000}", devices }, HttpStatusCode.OK, ct);
            Lap(Phase.Dispatch, Phase.DeliveryToActive);

            await gateway.PostAsOperationsAsync($"logistics/shipments/{shipmentId}/delivery", null, HttpStatusCode.OK, ct);
            var active = await gateway.EventuallyAsync($"contract/deals/{contractId}",
                d => Is(d, "state", "Active") && Steps(d).Contains("BillingScheduleCreated") && Steps(d).Contains("SellOutReported"),
                ct, GaveUp);
            Lap(Phase.DeliveryToActive, Phase.WholeDeal);

            result.Milliseconds[Phase.WholeDeal] = whole.Elapsed.TotalMilliseconds;
            result.History = [.. active["history"]!.AsArray().Select(h => (h!["step"]!.GetValue<string>(), h["at"]!.GetValue<DateTimeOffset>()))];
        }
        catch (Exception e) when (e is BenchmarkException or HttpRequestException or TaskCanceledException or InvalidOperationException
                                      or FormatException or NullReferenceException or System.Text.Json.JsonException)
        {
            result.FailedIn = phase;
            result.Error = e.Message;
        }
        return result;
    }

    private static object QuoteRequest(int number) => new
    {
        termMonths = 36,
        customer = new
        {
            companyName = $"Bench {number:0000} {Guid.NewGuid():N}"[..24] + " GmbH",
            country = "DE",
            // A VAT id of its own (credit keys a customer's exposure by it); ending in 89: the development bureau's band A.
            vatId = $"DE{Random.Shared.Next(1_000_000, 9_999_999)}89",
            billingEmail = "ap@bench.example",
            billingContactName = "Erika Muster",
        },
        // Two workplaces (notebook + Microsoft 365) and two monitors: four devices to dispatch, as in demo.sh.
        bundles = new[] { new { device = "NB-LAT-5450", seats = 2, upgrades = new[] { "O365-BP" }, options = Array.Empty<string>() } },
        lines = new[] { new { sku = "MON-P2425", quantity = 2 } },
    };

    private static bool Is(JsonNode node, string field, string value) => node[field]?.GetValue<string>() == value;

    private static string[] Steps(JsonNode deal) => [.. deal["history"]!.AsArray().Select(h => h!["step"]!.GetValue<string>())];

    private static string? GaveUp(JsonNode deal)
    {
        var state = deal["state"]?.GetValue<string>();
        return state is not null && GiveUpStates.Contains(state)
            ? $"the deal stopped in {state} ({deal["rejectionReason"] ?? deal["manualReviewReason"] ?? deal["cancellationReason"] ?? deal["shipmentFailure"]})"
            : null;
    }
}
