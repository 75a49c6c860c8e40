using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using Xunit;

using WaaS.Testing;

namespace WaaS.Quoting.Tests.Api;

[Collection(QuotingApiCollection.Name)]
public sealed class QuoteApiTests(QuotingApi api) : IClassFixture<QuotingApi>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = api.CreateClient(await api.SellingResellerAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> DraftAsync(object? request = null) =>
        (await _client.Post("/quotes", request ?? Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");

    [Fact]
    public async Task The_catalogue_offers_about_twenty_items_with_vendor_warranty_and_fixed_prices_per_term()
    {
        var items = (await _client.GetAsync("/catalogue").ExpectAsync(HttpStatusCode.OK)).AsArray();

        items.Count.Should().BeInRange(18, 25);
        var notebook = items.Single(i => i!.Get<string>("sku") == "NB-LAT-5450")!;
        notebook.Get<int>("warrantyMonths").Should().Be(36);
        notebook["prices"]!.AsArray().Select(p => (p!.Get<int>("termMonths"), p!.Get<decimal>("monthlyPrice"), p!.Get<decimal>("commission")))
            .Should().Equal((12, 64.90m, 180m), (24, 39.90m, 240m), (36, 29.90m, 300m));
        items.Single(i => i!.Get<string>("sku") == "O365-BP")!.Get<string>("replaces").Should().Be("O365-BE");
        var vendors = (await _client.GetAsync("/catalogue/vendors").ExpectAsync(HttpStatusCode.OK)).AsArray();
        vendors.Select(v => v!.Get<string>("id")).Should().Contain(["Dell", "Lenovo", "HP", "Apple", "Microsoft"]);
    }

    [Fact]
    public async Task A_bundle_quote_prices_to_the_cent_and_keeps_the_resellers_services_apart()
    {
        var quote = await _client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created);

        quote.Get<string>("status").Should().Be("Draft");
        quote.Get<int>("priceListVersion").Should().Be(1);
        quote.Get<decimal>("monthly.net").Should().Be(654.00m);
        quote.Get<decimal>("monthly.vat").Should().Be(137.34m);
        quote.Get<decimal>("monthly.gross").Should().Be(791.34m);
        quote.Get<decimal>("totalContractValue").Should().Be(23544.00m);
        quote.Get<decimal>("totalCommission").Should().Be(5120m);
        quote.Get<decimal>("resellerServicesMonthly").Should().Be(150.00m);
        quote.Get<string>("validUntil").Should().Be(api.Today.AddDays(30).ToString("yyyy-MM-dd"));
        var service = quote["lines"]!.AsArray().Single(l => l!.Get<bool>("billedByReseller"))!;
        service.Get<string>("kind").Should().Be("ResellerService");
        service.Get<decimal>("commission").Should().Be(0m);

        var read = await _client.GetAsync($"/quotes/{quote.Get<Guid>("id")}").ExpectAsync(HttpStatusCode.OK);
        read.ToJsonString().Should().Be(quote.ToJsonString(), "the stored quote is exactly what was answered");
    }

    [Fact]
    public async Task Sending_records_to_whom_and_when_publishes_it_and_the_document_renders_as_html_pdf_and_json()
    {
        var id = await DraftAsync();
        var published = await api.ObserveAsync<WaaS.Contracts.QuoteSent>();

        var sent = await _client.Post($"/quotes/{id}/send", new { to = "anna@voorbeeld.example", contactName = "Anna de Vries" }).ExpectAsync(HttpStatusCode.OK);

        sent.Get<string>("status").Should().Be("Sent");
        sent.Get<string>("sendings.0.to").Should().Be("anna@voorbeeld.example");
        DateTimeOffset.Parse(sent.Get<string>("sendings.0.sentAt")).Should().Be(api.Clock.GetUtcNow());

        using var html = await _client.GetAsync($"/quotes/{id}/document");
        html.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var page = await html.Content.ReadAsStringAsync();
        page.Should().Contain("<html lang=\"nl\">", "a Dutch customer reads Dutch").And.Contain("Voorbeeld B.V.").And.Contain("€ 791,34")
            .And.Contain("gefactureerd door de reseller").And.NotContain("5.120,00");

        var (message, correlation) = await published.FirstAsync(m => m.QuoteId == id);
        message.To.Should().Be("anna@voorbeeld.example");
        message.Monthly.Gross.Should().Be(791.34m);
        message.Lines.Should().OnlyContain(l => l.Commission == 0, "the message is customer-facing");
        _ = correlation;

        using var pdf = await _client.GetAsync($"/quotes/{id}/document?format=pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).AsSpan(0, 5).ToArray().Should().Equal("%PDF-"u8.ToArray());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/quotes/{id}/document");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var json = await _client.SendAsync(request).ExpectAsync(HttpStatusCode.OK);
        json.Get<decimal>("monthly.gross").Should().Be(791.34m);
        json["rentalLines"]!.AsArray().Should().HaveCount(6);
        json["resellerServices"]!.AsArray().Should().ContainSingle();
        json["totalCommission"].Should().BeNull("the customer-facing document does not show the reseller's commission");
    }

    [Fact]
    public async Task Revising_a_sent_quote_makes_a_new_version_and_the_old_one_can_no_longer_be_accepted()
    {
        var first = await DraftAsync();
        await _client.Post($"/quotes/{first}/send", new { to = "anna@voorbeeld.example" }).ExpectAsync(HttpStatusCode.OK);

        var revised = await _client.Post($"/quotes/{first}/revisions",
            Requests.Quote(36, bundles: [Requests.Bundle("NB-LAT-5450", 12, ["O365-BP"])])).ExpectAsync(HttpStatusCode.Created);

        revised.Get<int>("revision").Should().Be(2);
        revised.Get<Guid>("firstVersionId").Should().Be(first);
        revised.Get<string>("status").Should().Be("Draft");
        revised.Get<decimal>("monthly.net").Should().Be(12 * (29.90m + 20.60m + 4.20m + 2.90m));
        var old = await _client.GetAsync($"/quotes/{first}").ExpectAsync(HttpStatusCode.OK);
        old.Get<string>("status").Should().Be("Superseded");
        old.Get<Guid>("supersededBy").Should().Be(revised.Get<Guid>("id"));
        old.Get<decimal>("monthly.net").Should().Be(654.00m, "the superseded version keeps its prices");

        var refused = await _client.PostAsync($"/quotes/{first}/accept", null).ExpectAsync(HttpStatusCode.Conflict);
        Http.Rules(refused).Should().Equal(("status", "SupersededQuoteCannotChange"));
        var versions = await _client.GetAsync($"/quotes/{first}/versions").ExpectAsync(HttpStatusCode.OK);
        versions.AsArray().Select(v => v!.Get<string>("status")).Should().Equal("Superseded", "Draft");
    }

    [Fact]
    public async Task Accepting_a_sent_quote_records_the_contract_and_a_second_acceptance_is_refused()
    {
        var id = await DraftAsync();
        await _client.Post($"/quotes/{id}/send", new { to = "anna@voorbeeld.example" }).ExpectAsync(HttpStatusCode.OK);

        var accepted = await _client.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.OK);

        accepted.Get<string>("status").Should().Be("Accepted");
        accepted.Get<Guid>("contractId").Should().NotBeEmpty();
        var again = await _client.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.Conflict);
        Http.Rules(again).Should().Equal(("status", "OnlyOpenQuoteCanChange"));
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_and_changes_nothing()
    {
        var id = await DraftAsync();
        using var read = await _client.GetAsync($"/quotes/{id}");
        var etag = read.Headers.ETag!.Tag;
        await _client.Post($"/quotes/{id}/send", new { to = "anna@voorbeeld.example" }).ExpectAsync(HttpStatusCode.OK);

        using var decline = new HttpRequestMessage(HttpMethod.Post, $"/quotes/{id}/decline") { Content = System.Net.Http.Json.JsonContent.Create(new { reason = "too expensive" }) };
        decline.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await _client.SendAsync(decline).ExpectAsync(HttpStatusCode.Conflict);

        Http.Rules(refused).Should().Equal(("If-Match", "ExpectedVersion"));
        (await _client.GetAsync($"/quotes/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Sent");
    }

    [Fact]
    public async Task A_declined_quote_keeps_the_reason()
    {
        var id = await DraftAsync();
        await _client.Post($"/quotes/{id}/send", new { to = "anna@voorbeeld.example" }).ExpectAsync(HttpStatusCode.OK);

        var declined = await _client.Post($"/quotes/{id}/decline", new { reason = "budget frozen" }).ExpectAsync(HttpStatusCode.OK);

        declined.Get<string>("status").Should().Be("Declined");
        declined.Get<string>("declineReason").Should().Be("budget frozen");
    }

    [Fact]
    public async Task A_resellers_quotes_are_listed_by_status_and_customer_in_pages()
    {
        var sent = await DraftAsync(Requests.TenSeats(Requests.Customer("Alpha Bouw B.V.")));
        await _client.Post($"/quotes/{sent}/send", new { to = "ap@alpha.example" }).ExpectAsync(HttpStatusCode.OK);
        await DraftAsync(Requests.TenSeats(Requests.Customer("Beta Zorg B.V.")));
        await DraftAsync(Requests.TenSeats(Requests.Customer("Alpha Transport B.V.")));
        var other = api.CreateClient(await api.SellingResellerAsync());
        await other.Post("/quotes", Requests.TenSeats(Requests.Customer("Alpha of another reseller B.V."))).ExpectAsync(HttpStatusCode.Created);

        var drafts = await _client.GetAsync($"/quotes?status=Draft").ExpectAsync(HttpStatusCode.OK);
        drafts.Get<long>("total").Should().Be(2);
        var alpha = await _client.GetAsync($"/quotes?customer=alpha&pageSize=1&page=2").ExpectAsync(HttpStatusCode.OK);
        alpha.Get<long>("total").Should().Be(2);
        alpha["items"]!.AsArray().Should().ContainSingle();
        var sentOnes = await _client.GetAsync($"/quotes?status=Sent").ExpectAsync(HttpStatusCode.OK);
        sentOnes["items"]!.AsArray().Select(q => q!.Get<Guid>("id")).Should().Equal(sent);
        var bad = await _client.GetAsync($"/quotes?pageSize=1000").ExpectAsync(HttpStatusCode.BadRequest);
        Http.Rules(bad).Should().Equal(("pageSize", "PageSizeWithin100"));
    }

    [Fact]
    public async Task A_refused_revision_stores_nothing_and_the_sent_quote_stays_open()
    {
        var id = await DraftAsync();
        await _client.Post($"/quotes/{id}/send", new { to = "anna@voorbeeld.example" }).ExpectAsync(HttpStatusCode.OK);

        var problem = await _client.Post($"/quotes/{id}/revisions",
            Requests.Quote(36, bundles: [Requests.Bundle("NB-LAT-5450", 2, ["O365-BP", "O365-E3"])])).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Equal(("bundles[0].upgrades[1]", "UpgradesMayNotConflict"));
        (await _client.GetAsync($"/quotes/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Sent");
        (await _client.GetAsync($"/quotes/{id}/versions").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task An_unknown_quote_is_not_found_and_an_accepted_one_cannot_be_sent_again()
    {
        var missing = await _client.PostAsync($"/quotes/{Guid.NewGuid()}/accept", null).ExpectAsync(HttpStatusCode.NotFound);
        Http.Rules(missing).Should().Equal(("", "NotFound"));
        var id = await DraftAsync();
        await _client.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.OK);

        var resend = await _client.Post($"/quotes/{id}/send", new { to = "anna@voorbeeld.example" }).ExpectAsync(HttpStatusCode.Conflict);
        var noAddress = await _client.Post($"/quotes/{id}/send", new { to = "anna" }).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(resend).Should().Equal(("status", "OnlyOpenQuoteCanChange"));
        Http.Rules(noAddress).Should().Equal(("to", "EmailAddress"));
    }

    public static TheoryData<string, string, string> BadQuotes() => new()
    {
        { """{"customer":{"companyName":"X B.V.","country":"NL","vatId":"NL123456789B01","billingEmail":"a@x.example"},"termMonths":18,"lines":[{"sku":"NB-LAT-5450","quantity":1}]}""", "termMonths", "TermIs12Or24Or36Months" },
        { """{"customer":{"companyName":"X B.V.","country":"NL","vatId":"NL123456789B01","billingEmail":"a@x.example"},"termMonths":36,"lines":[{"sku":"NOPE-1","quantity":1}]}""", "lines[0].sku", "KnownItem" },
        { """{"customer":{"companyName":"X B.V.","country":"NL","vatId":"NL123456789B01","billingEmail":"a@x.example"},"termMonths":12,"lines":[{"sku":"NB-MBA-13","quantity":1}]}""", "lines[0].sku", "OfferedForTerm" },
        { """{"customer":{"companyName":"X B.V.","country":"NL","vatId":"NL123456789B01","billingEmail":"a@x.example"},"termMonths":36,"lines":[{"sku":"NB-LAT-5450","quantity":0}]}""", "lines[0].quantity", "PositiveQuantity" },
        { """{"customer":{"companyName":"X B.V.","country":"NL","vatId":"NL123456789B01","billingEmail":"a@x.example"},"termMonths":36,"lines":[{"sku":"OPT-NBD","quantity":3}]}""", "lines[0].sku", "OptionNeedsBaseDevice" },
        { """{"customer":{"companyName":"X B.V.","country":"NL","vatId":"NL123456789B01","billingEmail":"a@x.example"},"termMonths":36,"bundles":[{"device":"NB-LAT-5450","seats":2,"upgrades":["O365-BP","O365-E3"]}]}""", "bundles[0].upgrades[1]", "UpgradesMayNotConflict" },
        { """{"customer":{"companyName":"X B.V.","country":"BE","billingEmail":"a@x.example"},"termMonths":36,"lines":[{"sku":"NB-LAT-5450","quantity":1}]}""", "customer.vatId", "VatIdRequiredInCountry" },
        { """{"customer":{"companyName":"X B.V.","country":"NL","vatId":"NL123456789B01","billingEmail":"a@x.example"},"termMonths":"long","lines":[]}""", "termMonths", "ValidJson" },
    };

    [Theory]
    [MemberData(nameof(BadQuotes))]
    public async Task Bad_input_is_answered_with_the_field_and_the_rule_and_nothing_is_stored(string body, string field, string rule)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await _client.PostAsync("/quotes", content).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Contain((field, rule));
        problem.Get<string>("type").Should().NotBeNullOrEmpty();
        var stored = await _client.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK);
        stored.Get<long>("total").Should().Be(0);
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_type_is_a_problem_naming_the_parameter()
    {
        var problem = await _client.GetAsync("/quotes?resellerId=not-a-guid").ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Equal(("resellerId", "ParameterFormat"));
        problem["detail"]!.GetValue<string>().Should().Contain("'not-a-guid' is not");
    }

    [Fact]
    public async Task A_body_field_of_the_wrong_type_is_a_problem_naming_the_json_path()
    {
        var problem = await _client.Post("/quotes", new { termMonths = "twelve" }).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Equal(("termMonths", "ValidJson"));
    }
}
