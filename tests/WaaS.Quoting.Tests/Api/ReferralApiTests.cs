using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Quoting.Tests.Api;

/// <summary>A referral (the customer wants a direct relationship): marked on the quote and carried into the deal.</summary>
[Collection(QuotingApiCollection.Name)]
public sealed class ReferralApiTests(QuotingApi api) : IClassFixture<QuotingApi>
{
    [Fact]
    public async Task A_referral_has_no_reseller_service_lines()
    {
        var client = api.CreateClient(await api.SellingResellerAsync());

        var refused = await client.Post("/quotes", Requests.TenSeatsReferred(resellerServices: [Requests.SetupService])).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(refused).Should().Equal(("resellerServices", "NoResellerServicesOnReferral"));
        (await client.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK)).Get<long>("total").Should().Be(0);
    }

    [Fact]
    public async Task A_referral_is_marked_keeps_the_commission_and_its_acceptance_tells_the_contract()
    {
        var client = api.CreateClient(await api.SellingResellerAsync());
        var accepted = await api.ObserveAsync<Contracts.QuoteAccepted>();
        var sold = await client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created);

        var referred = await client.Post("/quotes", Requests.TenSeatsReferred()).ExpectAsync(HttpStatusCode.Created);

        referred.Get<string>("role").Should().Be("Referrer");
        sold.Get<string>("role").Should().Be("Reseller");
        referred.Get<decimal>("totalCommission").Should().Be(sold.Get<decimal>("totalCommission"), "the referrer earns the same commission");
        referred.Get<decimal>("monthly.net").Should().Be(sold.Get<decimal>("monthly.net"));
        referred.Get<decimal>("resellerServicesMonthly").Should().Be(0m);
        var id = referred.Get<Guid>("id");
        (await client.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray()
            .Single(q => q!.Get<Guid>("id") == id)!.Get<string>("role").Should().Be("Referrer");

        await client.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.OK);
        var (message, _) = await accepted.FirstAsync(m => m.QuoteId == id);
        message.Role.Should().Be(SalesRole.Referrer);
        var revised = await client.Post($"/quotes/{sold.Get<Guid>("id")}/revisions", Requests.TenSeatsReferred()).ExpectAsync(HttpStatusCode.Created);
        revised.Get<string>("role").Should().Be("Referrer", "a revision is a fresh offer and may turn a sale into a referral");
    }
}
