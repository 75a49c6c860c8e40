using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>
/// Issue 10's promises, end to end with real tokens: a retried POST never does a thing twice, the distributor cannot
/// change a reseller's contract, and the audit names who did what through which client.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class WhoMayDoWhatTests(WaaSSystem system)
{
    private readonly DealDriver _deals = new(system);

    [Fact]
    public async Task A_retried_POST_makes_no_second_quote_signature_dispatch_or_extension()
    {
        var order = new { customer = DealDriver.Customer(), termMonths = 12, lines = new[] { new { sku = "NB-TP-E14", quantity = 1 } } };
        var before = await QuotesAsync();
        var draftKey = Key();
        var first = await Retried(system.Reseller, "quoting/quotes", order, draftKey, HttpStatusCode.Created);
        var quoteId = first["id"]!.GetValue<Guid>();
        var reused = await Post(system.Reseller, "quoting/quotes", new { order.customer, termMonths = 24, order.lines }, draftKey);
        reused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "the same key with another body is refused");
        (await reused.Content.ReadAsStringAsync()).Should().Contain("IdempotencyKeyReused");
        (await QuotesAsync()).Should().Be(before + 1, "one quote, however often the draft was sent (end-to-end tests run one at a time)");

        var contractId = await _deals.AcceptAsync(quoteId);
        await _deals.ContractAsync(contractId);
        await Retried(system.Reseller, $"contract/contracts/{contractId}/signatures/customer", new { signedBy = "Erika Muster" }, Key(), HttpStatusCode.OK);
        await Retried(system.Operations, $"contract/contracts/{contractId}/signatures/distributor", new { signedBy = "WaaS Operations" }, Key(), HttpStatusCode.OK);

        var shipmentId = await _deals.ShipmentOfAsync(contractId);
        await _deals.DealInStateAsync(contractId, "AwaitingDispatch");
        var dispatch = new { carrier = "DHL", trackingNumber = "JJD123456", devices = new[] { new { sku = "NB-TP-E14", serialNumber = $"SN-{contractId:N}" } } };
        await Retried(system.Operations, $"logistics/shipments/{shipmentId}/dispatch", dispatch, Key(), HttpStatusCode.OK);
        await _deals.DeliverAsync(shipmentId);
        await _deals.ContractAsync(contractId, c => c["status"]!.GetValue<string>() == "Active");

        await Retried(system.Reseller, $"contract/contracts/{contractId}/extension", new { months = 3 }, Key(), HttpStatusCode.OK);
        var commission = await _deals.EventuallyAsync($"commission/commissions/{contractId}", c => c["extensions"]!.AsArray().Count >= 1);
        await Task.Delay(1000); // a second extension, were there one, would be on its way by now
        (await _deals.EventuallyAsync($"commission/commissions/{contractId}", _ => true))["extensions"]!.AsArray().Should().HaveCount(1);
        commission["extensions"]!.AsArray().Should().HaveCount(1);
        var timeline = await _deals.DealAsync(contractId, _ => true);
        DealDriver.Steps(timeline).Count(s => s == "ShipmentDispatched").Should().Be(1);
        DealDriver.Steps(timeline).Count(s => s == "ContractSigned").Should().Be(1);
    }

    [Fact]
    public async Task The_distributor_reads_and_annotates_a_resellers_contract_but_may_not_change_it_and_the_audit_says_who_did_what()
    {
        var (_, contract) = await new LifecycleDriver(system, _deals).ActiveContractAsync(24, ("NB-TP-E14", 1));
        var id = contract["id"]!.GetValue<Guid>();

        foreach (var (path, body) in new (string, object?)[] { ($"contract/contracts/{id}/extension", new { months = 3 }), ($"contract/contracts/{id}/termination", null) })
        {
            using var refused = await system.Operations.PostAsJsonAsync(path, body);
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("DistributorMayNotChangeResellersContract");
        }
        (await _deals.ContractAsync(id))["status"]!.GetValue<string>().Should().Be("Active", "nothing changed");

        await DealDriver.ExpectAsync(await system.Operations.PostAsJsonAsync($"contract/contracts/{id}/annotations",
            new { kind = "Task", title = "Call the customer about the second site", dueOn = "2027-01-15" }), HttpStatusCode.Created);
        var annotations = await DealDriver.ExpectAsync(await system.Operations.GetAsync($"contract/contracts/{id}/annotations"), HttpStatusCode.OK);
        annotations.AsArray().Should().ContainSingle();
        (await system.Reseller.GetAsync($"contract/contracts/{id}/annotations")).StatusCode.Should().Be(HttpStatusCode.Forbidden,
            "the distributor's notes are its own");

        var audit = (await DealDriver.ExpectAsync(await system.Reseller.GetAsync($"contract/contracts/{id}/audit"), HttpStatusCode.OK)).AsArray();
        var customerSigned = audit.Single(e => e!["what"]!.GetValue<string>().Contains("customer", StringComparison.OrdinalIgnoreCase)
                                               && e["what"]!.GetValue<string>().Contains("sign", StringComparison.OrdinalIgnoreCase));
        customerSigned!["client"]!.GetValue<string>().Should().Be("marketplace");
        customerSigned["tenant"]!.GetValue<string>().Should().Be(system.ResellerId.ToString());
        var countersigned = audit.Single(e => e!["what"]!.GetValue<string>().Contains("distributor", StringComparison.OrdinalIgnoreCase)
                                              && e["what"]!.GetValue<string>().Contains("sign", StringComparison.OrdinalIgnoreCase));
        countersigned!["client"]!.GetValue<string>().Should().Be("distributor-backoffice");
        countersigned["tenantKind"]!.GetValue<string>().Should().Be("distributor");
        audit.Should().OnlyContain(e => e!["correlationId"] != null && e["subject"] != null, "every event names its cause");
        (await system.OtherReseller.GetAsync($"contract/contracts/{id}/audit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private async Task<long> QuotesAsync() =>
        (await DealDriver.ExpectAsync(await system.Reseller.GetAsync("quoting/quotes"), HttpStatusCode.OK))["total"]!.GetValue<long>();

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, object? body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>Sends the same POST twice with one key: the second answer is the first one, replayed.</summary>
    private static async Task<JsonNode> Retried(HttpClient client, string path, object body, string key, HttpStatusCode status)
    {
        using var first = await Post(client, path, body, key);
        var firstBody = await DealDriver.ExpectAsync(first, status);
        using var second = await Post(client, path, body, key);
        var secondBody = await DealDriver.ExpectAsync(second, status);
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        secondBody.ToJsonString().Should().Be(firstBody.ToJsonString());
        return firstBody;
    }
}
