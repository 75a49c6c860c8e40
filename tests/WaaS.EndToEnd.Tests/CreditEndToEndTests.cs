using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>Credit across the services: what quoting accepts, credit decides on its merits; the exposure is the distributor's to see.</summary>
[Collection(SystemCollection.Name)]
public sealed class CreditEndToEndTests(WaaSSystem system)
{
    private readonly DealDriver _deals = new(system);

    [Fact]
    public async Task A_German_business_without_VAT_id_is_quoted_signs_and_credit_approves_it_on_its_merits_by_name()
    {
        // The development bureau scores "baeckerei klein ek" in Germany 99 (band A) from the name, there being no VAT id.
        var response = await system.Reseller.PostAsJsonAsync("quoting/quotes", new
        {
            customer = new { companyName = "Baeckerei Klein e.K.", country = "DE", vatId = (string?)null, billingEmail = "inhaber@baeckerei-klein.example" },
            termMonths = 24,
            lines = new[] { new { sku = "NB-TP-E14", quantity = 1 } },
        });
        var quote = await DealDriver.ExpectAsync(response, HttpStatusCode.Created);
        var id = await _deals.AcceptAsync(quote["id"]!.GetValue<Guid>());

        await _deals.SignBothAsync(id);

        await _deals.DealInStateAsync(id, "AwaitingDispatch");
        var check = await DealDriver.ExpectAsync(await system.Operations.GetAsync($"credit/checks/{id}"), HttpStatusCode.OK);
        check["decision"]!.GetValue<string>().Should().Be("Approved");
        check["customerKey"]!.GetValue<string>().Should().Be("name:DE:baeckerei klein ek");
        check["evaluation"]!["rules"]!.AsArray().Select(r => (r!["rule"]!.GetValue<string>(), r["outcome"]!.GetValue<string>()))
            .Should().Contain(("VatIdRequiredInCountry", "Passed"));
        var exposure = await DealDriver.ExpectAsync(await system.Operations.GetAsync("credit/customers/name%3ADE%3Abaeckerei%20klein%20ek/exposure"), HttpStatusCode.OK);
        exposure["total"]!.GetValue<decimal>().Should().Be(check["exposure"]!.GetValue<decimal>());
        (await system.Reseller.GetAsync("credit/customers/name%3ADE%3Abaeckerei%20klein%20ek/exposure")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
