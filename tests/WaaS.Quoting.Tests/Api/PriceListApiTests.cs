using System.Net;
using FluentAssertions;
using Xunit;

using WaaS.Testing;

namespace WaaS.Quoting.Tests.Api;

/// <summary>Own fixture: these tests publish versions, which would change other classes' prices.</summary>
[Collection(QuotingApiCollection.Name)]
public sealed class PriceListApiTests(QuotingApi api) : IClassFixture<QuotingApi>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateOperatorClient();
    private readonly HttpClient _anonymous = api.CreateClient();
    private HttpClient _reseller = null!;

    public async Task InitializeAsync() => _reseller = api.CreateClient(await api.SellingResellerAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<System.Text.Json.Nodes.JsonNode> PublishAsync(DateOnly effectiveFrom, params (string Sku, int Term, decimal Monthly, decimal Commission)[] prices) =>
        _client.Post("/price-lists", new
        {
            effectiveFrom = effectiveFrom.ToString("yyyy-MM-dd"),
            publishedBy = "pricing@distributor.example",
            prices = prices.Select(p => new { sku = p.Sku, termMonths = p.Term, monthlyPrice = p.Monthly, commission = p.Commission }),
        }).ExpectAsync(HttpStatusCode.Created);

    [Fact]
    public async Task A_new_version_prices_new_quotes_and_leaves_existing_quotes_untouched()
    {
        var old = await _reseller.Post("/quotes", Requests.Quote(24, lines: [Requests.Line("NB-HP-840", 4)])).ExpectAsync(HttpStatusCode.Created);

        var published = await PublishAsync(api.Today, ("NB-HP-840", 24, 44.90m, 270m));

        var version = published.Get<int>("version");
        var current = await _client.GetAsync("/price-lists/current").ExpectAsync(HttpStatusCode.OK);
        current.Get<int>("version").Should().Be(version);
        current["prices"]!.AsArray().Should().HaveCount(59, "unchanged prices carry over into the new complete version");
        var fresh = await _reseller.Post("/quotes", Requests.Quote(24, lines: [Requests.Line("NB-HP-840", 4)])).ExpectAsync(HttpStatusCode.Created);
        fresh.Get<decimal>("lines.0.monthlyPrice").Should().Be(44.90m);
        fresh.Get<decimal>("totalCommission").Should().Be(4 * 270m);
        fresh.Get<int>("priceListVersion").Should().Be(version);

        var kept = await _client.GetAsync($"/quotes/{old.Get<Guid>("id")}").ExpectAsync(HttpStatusCode.OK);
        kept.Get<decimal>("lines.0.monthlyPrice").Should().Be(42.90m);
        kept.Get<decimal>("totalCommission").Should().Be(4 * 255m);
        kept.Get<int>("priceListVersion").Should().Be(old.Get<int>("priceListVersion"));
        var accepted = await _reseller.PostAsync($"/quotes/{old.Get<Guid>("id")}/accept", null).ExpectAsync(HttpStatusCode.OK);
        accepted.Get<decimal>("monthly.net").Should().Be(4 * 42.90m, "acceptance keeps the version the quote was made with");
    }

    [Fact]
    public async Task A_version_published_for_a_later_day_applies_only_from_that_day()
    {
        var before = (await _client.GetAsync("/price-lists/current").ExpectAsync(HttpStatusCode.OK)).Get<int>("version");
        var published = await PublishAsync(api.Today.AddDays(10), ("PHN-SAM-A55", 36, 11.50m, 110m));

        (await _client.GetAsync("/price-lists/current").ExpectAsync(HttpStatusCode.OK)).Get<int>("version").Should().Be(before);
        api.Clock.Advance(TimeSpan.FromDays(10));
        (await _client.GetAsync("/price-lists/current").ExpectAsync(HttpStatusCode.OK)).Get<int>("version").Should().Be(published.Get<int>("version"));
        var history = await _client.GetAsync("/price-lists").ExpectAsync(HttpStatusCode.OK);
        history.AsArray().Select(v => v!.Get<int>("version")).Should().Contain([1, published.Get<int>("version")]);
        history.AsArray().Single(v => v!.Get<bool>("current"))!.Get<int>("version").Should().Be(published.Get<int>("version"));
    }

    [Fact]
    public async Task A_withdrawn_item_is_refused_in_new_quotes_but_stays_in_existing_ones()
    {
        var existing = await _reseller.Post("/quotes", Requests.Quote(36, lines: [Requests.Line("PHN-IP15", 2)])).ExpectAsync(HttpStatusCode.Created);

        await _client.Post("/price-lists/withdrawals", new { sku = "PHN-IP15", reason = "end of life" }).ExpectAsync(HttpStatusCode.OK);

        var refused = await _reseller.Post("/quotes", Requests.Quote(36, lines: [Requests.Line("PHN-IP15", 2)])).ExpectAsync(HttpStatusCode.BadRequest);
        Http.Rules(refused).Should().Equal(("lines[0].sku", "ItemNotWithdrawn"));
        (await _client.GetAsync($"/quotes/{existing.Get<Guid>("id")}").ExpectAsync(HttpStatusCode.OK)).Get<string>("lines.0.sku").Should().Be("PHN-IP15");
        var catalogue = await _client.GetAsync("/catalogue").ExpectAsync(HttpStatusCode.OK);
        catalogue.AsArray().Select(i => i!.Get<string>("sku")).Should().NotContain("PHN-IP15");
        var again = await _client.Post("/price-lists/withdrawals", new { sku = "PHN-IP15", reason = "twice" }).ExpectAsync(HttpStatusCode.BadRequest);
        Http.Rules(again).Should().Equal(("sku", "WithdrawOnce"));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task No_endpoint_changes_a_published_price(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/price-lists/1")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { prices = new[] { new { sku = "NB-LAT-5450", termMonths = 36, monthlyPrice = 1m, commission = 999m } } }),
        };

        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        var v1 = await _client.GetAsync("/price-lists/1").ExpectAsync(HttpStatusCode.OK);
        v1["prices"]!.AsArray().Single(p => p!.Get<string>("sku") == "NB-LAT-5450" && p!.Get<int>("termMonths") == 36)!
            .Get<decimal>("monthlyPrice").Should().Be(29.90m);
    }

    [Fact]
    public async Task A_bad_version_names_every_field_and_rule_and_is_not_published()
    {
        var before = (await _client.GetAsync("/price-lists").ExpectAsync(HttpStatusCode.OK)).AsArray().Count;

        var problem = await _client.Post("/price-lists", new
        {
            effectiveFrom = api.Today.AddDays(-1).ToString("yyyy-MM-dd"),
            publishedBy = "ops",
            prices = new object[]
            {
                new { sku = "NOPE", termMonths = 36, monthlyPrice = 1m, commission = 1m },
                new { sku = "NB-LAT-5450", termMonths = 18, monthlyPrice = -1m, commission = 1.005m },
            },
        }).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Contain([
            ("effectiveFrom", "EffectiveDateNotInPast"), ("prices[0].sku", "KnownItem"), ("prices[1].termMonths", "TermIs12Or24Or36Months"),
            ("prices[1].monthlyPrice", "PositivePrice"), ("prices[1].commission", "WholeCents")]);
        (await _client.GetAsync("/price-lists").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.Should().Be(before);
    }

    [Fact]
    public async Task Only_the_distributor_may_publish_prices_or_withdraw_items_and_everyone_with_a_token_may_read_them()
    {
        var before = (await _client.GetAsync("/price-lists").ExpectAsync(HttpStatusCode.OK)).AsArray().Count;
        var prices = new
        {
            effectiveFrom = api.Today.ToString("yyyy-MM-dd"),
            publishedBy = "a reseller",
            prices = new[] { new { sku = "DOCK-WD22", termMonths = 24, monthlyPrice = 0.01m, commission = 999m } },
        };

        var anonymous = await _anonymous.Post("/price-lists", prices).ExpectAsync(HttpStatusCode.Unauthorized);
        anonymous["rule"]!.GetValue<string>().Should().Be("TokenRequired");
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/price-lists") { Content = System.Net.Http.Json.JsonContent.Create(prices) };
        forged.Headers.Authorization = new("Bearer", TestTokens.For(As.Operations, key: "a-key-the-service-does-not-trust-0123456789"));
        (await _anonymous.SendAsync(forged).ExpectAsync(HttpStatusCode.Unauthorized))["rule"]!.GetValue<string>().Should().Be("TokenInvalid");
        (await _reseller.Post("/price-lists", prices).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        (await _reseller.Post("/price-lists/withdrawals", new { sku = "DOCK-WD22", reason = "competitor" }).ExpectAsync(HttpStatusCode.Forbidden))
            ["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        (await api.CreateClient(As.Customer()).Post("/price-lists/withdrawals", new { sku = "DOCK-WD22", reason = "competitor" })
            .ExpectAsync(HttpStatusCode.Forbidden))["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");

        (await _reseller.GetAsync("/price-lists").ExpectAsync(HttpStatusCode.OK)).AsArray().Count.Should().Be(before, "nothing was published");
        (await api.CreateClient(As.Vendor("Dell")).GetAsync("/catalogue/items/DOCK-WD22").ExpectAsync(HttpStatusCode.OK))["withdrawn"]!
            .GetValue<bool>().Should().BeFalse();
        (await _anonymous.GetAsync("/catalogue").ExpectAsync(HttpStatusCode.Unauthorized))["rule"]!.GetValue<string>().Should().Be("TokenRequired");
    }
}
