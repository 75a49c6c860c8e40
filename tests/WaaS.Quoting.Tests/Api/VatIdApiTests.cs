using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Quoting.Tests.Api;

/// <summary>
/// The VAT-id rule quoting and credit share by name (VatIdRequiredInCountry, VatIdFormat): a German business without a
/// VAT id may be quoted and close the deal (credit then decides it on its merits, through the bureau by name); a
/// Belgian, Dutch or Austrian one may not, so no customer is quoted into a credit rejection for a missing VAT id.
/// </summary>
[Collection(QuotingApiCollection.Name)]
public sealed class VatIdApiTests(QuotingApi api) : IClassFixture<QuotingApi>
{
    [Fact]
    public async Task A_German_business_without_VAT_id_is_quoted_and_accepted_and_the_deal_goes_on_without_one()
    {
        var client = api.CreateClient(await api.SellingResellerAsync());
        var accepted = await api.ObserveAsync<Contracts.QuoteAccepted>();
        var quote = Requests.TenSeats(Requests.Customer("Bäckerei Klein", "DE", vatId: null));

        var id = (await client.Post("/quotes", quote).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");
        await client.Post($"/quotes/{id}/send", new { to = "inhaber@baeckerei-klein.example" }).ExpectAsync(HttpStatusCode.OK);
        await client.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.OK);

        var (message, _) = await accepted.FirstAsync(m => m.QuoteId == id);
        message.Customer.Country.Should().Be("DE");
        message.Customer.VatId.Should().BeNull();
    }

    [Theory]
    [InlineData("AT")]
    [InlineData("NL")]
    [InlineData("BE")]
    public async Task A_business_without_VAT_id_where_the_country_requires_one_is_refused_VatIdRequiredInCountry(string country)
    {
        var client = api.CreateClient(await api.SellingResellerAsync());

        var refused = await client.Post("/quotes", Requests.TenSeats(Requests.Customer("Firma ohne Nummer", country, vatId: null)))
            .ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(refused).Should().Equal(("customer.vatId", "VatIdRequiredInCountry"));
    }
}
