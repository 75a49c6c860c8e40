using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>Issue 3's "done when": through the gateway alone a reseller browses, builds, revises, sends and turns a quote into a contract.</summary>
[Collection(SystemCollection.Name)]
public sealed class QuotingEndToEndTests(WaaSSystem system)
{
    private readonly HttpClient _gateway = system.Reseller;
    private readonly DealDriver _driver = new(system);

    private static object Quote(int termMonths, int seats) => new
    {
        customer = DealDriver.Customer("AT", "ATU12345678"),
        termMonths,
        bundles = new[] { new { device = "NB-TP-E14", seats, upgrades = new[] { "O365-BP" }, options = new[] { "OPT-NBD" } } },
        lines = new[] { new { sku = "MON-P2725", quantity = seats } },
        resellerServices = new[] { new { description = "Setup and helpdesk", monthlyPrice = 9.50m, quantity = seats } },
    };

    [Fact]
    public async Task A_reseller_browses_builds_revises_sends_and_accepts_and_the_contract_matches_the_quote_exactly()
    {
        var catalogue = (await DealDriver.ExpectAsync(await _gateway.GetAsync("quoting/catalogue"), HttpStatusCode.OK)).AsArray();
        catalogue.Select(i => i!["sku"]!.GetValue<string>()).Should().Contain(["NB-TP-E14", "O365-BP", "OPT-NBD", "MON-P2725"]);

        var first = await DealDriver.ExpectAsync(await _gateway.PostAsJsonAsync("quoting/quotes", Quote(24, 3)), HttpStatusCode.Created);
        var firstId = first["id"]!.GetValue<Guid>();
        await DealDriver.ExpectAsync(await _gateway.PostAsJsonAsync($"quoting/quotes/{firstId}/send", new { to = "it@kunde.example" }), HttpStatusCode.OK);
        var quote = await DealDriver.ExpectAsync(
            await _gateway.PostAsJsonAsync($"quoting/quotes/{firstId}/revisions", Quote(24, 4)), HttpStatusCode.Created);
        var quoteId = quote["id"]!.GetValue<Guid>();
        var sent = await DealDriver.ExpectAsync(await _gateway.PostAsJsonAsync($"quoting/quotes/{quoteId}/send", new { to = "it@kunde.example" }), HttpStatusCode.OK);
        sent["sendings"]![0]!["to"]!.GetValue<string>().Should().Be("it@kunde.example");
        var document = await _gateway.GetStringAsync($"quoting/quotes/{quoteId}/document");
        document.Should().Contain("380,16 €", "an Austrian customer reads German amounts").And.Contain("ATU12345678").And.Contain("Setup and helpdesk");
        (await _gateway.PostAsync($"quoting/quotes/{firstId}/accept", null)).StatusCode.Should().Be(HttpStatusCode.Conflict, "the first version is superseded");

        // 4 × (35.50 + 20.60 + 4.50 + 3.20 + 4.90) + 4 × 10.50 = 316.80 net; AT 20 % = 63.36.
        quote["monthly"]!["net"]!.GetValue<decimal>().Should().Be(316.80m);
        quote["monthly"]!["gross"]!.GetValue<decimal>().Should().Be(380.16m);
        quote["totalCommission"]!.GetValue<decimal>().Should().Be(4 * (215m + 80m + 11m + 9m + 20m) + 4 * 55m);

        var contractId = await _driver.AcceptAsync(quoteId);
        var contract = await _driver.ContractAsync(contractId);

        Lines(contract).Should().Equal(Lines(quote), "the contract holds exactly the quote's lines and prices");
        Lines(contract).Should().Contain(l => l.Sku == "RS-1" && l.BilledByReseller);
        foreach (var amount in new[] { "net", "vat", "gross" })
        {
            contract["monthly"]![amount]!.GetValue<decimal>().Should().Be(quote["monthly"]![amount]!.GetValue<decimal>(), amount);
        }
        contract["totalCommission"]!.GetValue<decimal>().Should().Be(quote["totalCommission"]!.GetValue<decimal>());
        contract["quoteId"]!.GetValue<Guid>().Should().Be(quoteId);
        contract["customer"]!["vatId"]!.GetValue<string>().Should().Be("ATU12345678");
    }

    [Fact]
    public async Task A_price_list_change_leaves_an_existing_quote_and_its_contract_untouched()
    {
        var order = new { customer = DealDriver.Customer(), termMonths = 24, lines = new[] { new { sku = "DOCK-TP-UC", quantity = 5 } } };
        var before = await DealDriver.ExpectAsync(await _gateway.PostAsJsonAsync("quoting/quotes", order), HttpStatusCode.Created);
        var oldPrice = before["lines"]![0]!["monthlyPrice"]!.GetValue<decimal>();

        // Other tests move the services' clocks; "today" is the quoting service's today.
        var clock = await system.ClockAsync("quoting");
        var today = DateOnly.FromDateTime(clock["now"]!.GetValue<DateTimeOffset>().UtcDateTime);
        var published = await DealDriver.ExpectAsync(await system.Operations.PostAsJsonAsync("quoting/price-lists", new
        {
            effectiveFrom = today.ToString("yyyy-MM-dd"),
            publishedBy = "pricing@distributor.example",
            prices = new[] { new { sku = "DOCK-TP-UC", termMonths = 24, monthlyPrice = oldPrice + 1.00m, commission = 45m } },
        }), HttpStatusCode.Created);

        var after = await DealDriver.ExpectAsync(await _gateway.PostAsJsonAsync("quoting/quotes", order), HttpStatusCode.Created);
        after["lines"]![0]!["monthlyPrice"]!.GetValue<decimal>().Should().Be(oldPrice + 1.00m);
        after["priceListVersion"]!.GetValue<int>().Should().Be(published["version"]!.GetValue<int>());
        var contractId = await _driver.AcceptAsync(before["id"]!.GetValue<Guid>());
        var contract = await _driver.ContractAsync(contractId);
        contract["lines"]![0]!["monthlyPrice"]!.GetValue<decimal>().Should().Be(oldPrice);
        contract["monthly"]!["net"]!.GetValue<decimal>().Should().Be(5 * oldPrice);
        contract["totalCommission"]!.GetValue<decimal>().Should().Be(before["totalCommission"]!.GetValue<decimal>());
    }

    private static List<(string Sku, string Kind, int Quantity, decimal MonthlyPrice, decimal Commission, bool BilledByReseller)> Lines(JsonNode node) =>
        [.. node["lines"]!.AsArray().Select(l => (
            l!["sku"]!.GetValue<string>(), l["kind"]!.GetValue<string>(), l["quantity"]!.GetValue<int>(),
            l["monthlyPrice"]!.GetValue<decimal>(), l["commission"]!.GetValue<decimal>(), l["billedByReseller"]!.GetValue<bool>()))];
}
