using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Quoting.Tests.Api;

/// <summary>Who sees which quote (scoped in the query) and who may do what with it (parties per endpoint).</summary>
[Collection(QuotingApiCollection.Name)]
public sealed class TenancyApiTests(QuotingApi api) : IClassFixture<QuotingApi>
{
    [Fact]
    public async Task Reseller_B_gets_404_for_reseller_As_quote_and_an_empty_list()
    {
        var a = api.CreateClient(await api.SellingResellerAsync());
        var b = api.CreateClient(await api.SellingResellerAsync());
        var id = (await a.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");

        foreach (var path in new[] { $"/quotes/{id}", $"/quotes/{id}/versions", $"/quotes/{id}/document" })
        {
            var missing = await b.GetAsync(path).ExpectAsync(HttpStatusCode.NotFound);
            missing.ToJsonString().Should().NotContain("Voorbeeld", "another tenant's quote answers like an unknown one");
        }
        await b.Post($"/quotes/{id}/send", new { to = "x@b.example" }).ExpectAsync(HttpStatusCode.NotFound);
        await b.Post($"/quotes/{id}/revisions", Requests.TenSeats()).ExpectAsync(HttpStatusCode.NotFound);
        await b.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.NotFound);
        await b.Post($"/quotes/{id}/decline", new { reason = "no" }).ExpectAsync(HttpStatusCode.NotFound);
        (await b.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK)).Get<long>("total").Should().Be(0);
        (await b.GetAsync($"/quotes?customer=Voorbeeld").ExpectAsync(HttpStatusCode.OK)).Get<long>("total").Should().Be(0);
        (await a.GetAsync($"/quotes/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Draft", "B changed nothing");
    }

    [Fact]
    public async Task A_sub_resellers_quote_is_visible_to_its_parent_but_not_the_parents_to_the_sub_reseller()
    {
        var parentId = Guid.NewGuid();
        var sub = As.SubReseller(parentId);
        await api.AccountAsync(Accounts.Reseller(parentId));
        await api.AccountAsync(Accounts.Reseller(sub.TenantId, parent: parentId));
        var parent = api.CreateClient(As.Reseller(parentId, sub.TenantId));
        var subClient = api.CreateClient(sub);
        var subsQuote = (await subClient.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");
        var parentsQuote = (await parent.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");

        (await parent.GetAsync($"/quotes/{subsQuote}").ExpectAsync(HttpStatusCode.OK)).Get<Guid>("resellerId").Should().Be(sub.TenantId);
        var all = await parent.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK);
        all["items"]!.AsArray().Select(q => q!.Get<Guid>("id")).Should().BeEquivalentTo([subsQuote, parentsQuote]);
        var subsOnly = await parent.GetAsync($"/quotes?resellerId={sub.TenantId}").ExpectAsync(HttpStatusCode.OK);
        subsOnly["items"]!.AsArray().Select(q => q!.Get<Guid>("id")).Should().Equal(subsQuote);

        await subClient.GetAsync($"/quotes/{parentsQuote}").ExpectAsync(HttpStatusCode.NotFound);
        (await subClient.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(q => q!.Get<Guid>("id")).Should().Equal(subsQuote);
    }

    [Fact]
    public async Task A_customer_sees_and_accepts_only_the_quotes_made_out_to_its_account()
    {
        var reseller = await api.SellingResellerAsync();
        var customerAccount = Guid.NewGuid();
        await api.AccountAsync(Accounts.Customer(customerAccount, reseller.TenantId));
        var client = api.CreateClient(reseller);
        var theirs = (await client.Post("/quotes", Requests.TenSeats(Requests.Customer(accountId: customerAccount))).ExpectAsync(HttpStatusCode.Created))
            .Get<Guid>("id");
        var someoneElses = (await client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");
        var customer = api.CreateClient(As.Customer(customerAccount));

        (await customer.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(q => q!.Get<Guid>("id")).Should().Equal(theirs);
        await customer.GetAsync($"/quotes/{someoneElses}").ExpectAsync(HttpStatusCode.NotFound);
        await api.CreateClient(As.Customer()).GetAsync($"/quotes/{theirs}").ExpectAsync(HttpStatusCode.NotFound);
        (await customer.PostAsync($"/quotes/{theirs}/accept", null).ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Accepted");
        await customer.PostAsync($"/quotes/{someoneElses}/accept", null).ExpectAsync(HttpStatusCode.NotFound);
        (await customer.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        (await customer.Post($"/quotes/{theirs}/send", new { to = "x@y.example" }).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!
            .GetValue<string>().Should().Be("PartyNotAllowed");
    }

    [Fact]
    public async Task A_customer_account_that_is_not_the_resellers_is_refused()
    {
        var reseller = await api.SellingResellerAsync();
        var otherReseller = await api.SellingResellerAsync();
        var othersCustomer = Guid.NewGuid();
        await api.AccountAsync(Accounts.Customer(othersCustomer, otherReseller.TenantId));
        var client = api.CreateClient(reseller);

        var foreign = await client.Post("/quotes", Requests.TenSeats(Requests.Customer(accountId: othersCustomer))).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var unknown = await client.Post("/quotes", Requests.TenSeats(Requests.Customer(accountId: Guid.NewGuid()))).ExpectAsync(HttpStatusCode.UnprocessableEntity);

        Http.Rules(foreign).Should().Equal(("customer.accountId", "CustomerAccountOfReseller"));
        Http.Rules(unknown).Should().Equal(("customer.accountId", "CustomerAccountOfReseller"));
        (await client.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK)).Get<long>("total").Should().Be(0);
    }

    [Fact]
    public async Task The_distributor_reads_every_quote_but_does_not_quote_and_nobody_without_a_token_reads_any()
    {
        var reseller = api.CreateClient(await api.SellingResellerAsync());
        var id = (await reseller.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");
        var operations = api.CreateOperatorClient();

        (await operations.GetAsync($"/quotes/{id}").ExpectAsync(HttpStatusCode.OK)).Get<Guid>("id").Should().Be(id);
        (await operations.GetAsync("/quotes?pageSize=100").ExpectAsync(HttpStatusCode.OK)).Get<long>("total").Should().BeGreaterThanOrEqualTo(1);
        (await operations.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        (await operations.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        (await api.CreateClient(As.Vendor("Dell")).GetAsync($"/quotes/{id}").ExpectAsync(HttpStatusCode.Forbidden))["rule"]!
            .GetValue<string>().Should().Be("PartyNotAllowed");
        (await api.CreateClient().GetAsync($"/quotes/{id}").ExpectAsync(HttpStatusCode.Unauthorized))["rule"]!.GetValue<string>().Should().Be("TokenRequired");
        (await api.CreateClient(As.PartnerOf(Guid.NewGuid())).Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!
            .GetValue<string>().Should().Be("PartyNotAllowed", "an integration partner reads, it does not quote");
    }
}
