using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Quoting.Tests.Api;

/// <summary>
/// "A reseller may quote only while active and its reseller agreement is on file; a sub-reseller sells through its
/// parent's account", on quoting's copy of the accounts fed by AccountChanged.
/// </summary>
[Collection(QuotingApiCollection.Name)]
public sealed class AgreementApiTests(QuotingApi api) : IClassFixture<QuotingApi>
{
    private static string Why(System.Text.Json.Nodes.JsonNode problem) => problem["detail"]!.GetValue<string>();

    [Fact]
    public async Task An_unknown_reseller_may_not_quote()
    {
        var client = api.CreateClient(As.Reseller());

        var refused = await client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.UnprocessableEntity);

        Http.Rules(refused).Should().Equal(("reseller", "ResellerMayNotSell"));
        Why(refused).Should().StartWith("Unknown reseller");
        (await client.GetAsync("/quotes").ExpectAsync(HttpStatusCode.OK)).Get<long>("total").Should().Be(0);
    }

    [Fact]
    public async Task An_inactive_reseller_may_not_quote()
    {
        var reseller = As.Reseller();
        await api.AccountAsync(Accounts.Reseller(reseller.TenantId, active: false));

        var refused = await api.CreateClient(reseller).Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.UnprocessableEntity);

        Http.Rules(refused).Should().Equal(("reseller", "ResellerMayNotSell"));
        Why(refused).Should().StartWith("Inactive");
    }

    [Fact]
    public async Task A_reseller_quotes_once_its_agreement_is_on_file_and_may_not_send_revise_or_close_once_it_is_withdrawn()
    {
        var reseller = As.Reseller();
        var client = api.CreateClient(reseller);
        await api.AccountAsync(Accounts.Reseller(reseller.TenantId, agreement: false, version: 1));
        var refused = await client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Why(refused).Should().StartWith("No agreement");

        await api.AccountAsync(Accounts.Reseller(reseller.TenantId, version: 2));
        var id = (await client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");

        await api.AccountAsync(Accounts.Reseller(reseller.TenantId, agreement: false, version: 3));
        var send = await client.Post($"/quotes/{id}/send", new { to = "anna@voorbeeld.example" }).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var revise = await client.Post($"/quotes/{id}/revisions", Requests.TenSeats()).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var accept = await client.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.UnprocessableEntity);

        Http.Rules(send).Should().Equal(("reseller", "ResellerMayNotSell"));
        Http.Rules(revise).Should().Equal(("reseller", "ResellerMayNotSell"));
        Http.Rules(accept).Should().Equal(("reseller", "ResellerMayNotSell"));
        var quote = await client.GetAsync($"/quotes/{id}").ExpectAsync(HttpStatusCode.OK);
        quote.Get<string>("status").Should().Be("Draft", "the refused writes changed nothing");
        (await client.GetAsync($"/quotes/{id}/versions").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task A_snapshot_older_than_the_one_held_is_ignored()
    {
        var reseller = As.Reseller();
        await api.AccountAsync(Accounts.Reseller(reseller.TenantId, agreement: false, version: 7));

        await api.AccountAsync(Accounts.Reseller(reseller.TenantId, version: 6));

        (await api.KnownAsync(reseller.TenantId))!.Version.Should().Be(7);
        var refused = await api.CreateClient(reseller).Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Why(refused).Should().StartWith("No agreement", "the late, older snapshot did not restore the agreement");
    }

    [Fact]
    public async Task A_sub_reseller_sells_through_its_parents_account()
    {
        var parent = Guid.NewGuid();
        var sub = As.SubReseller(parent);
        var client = api.CreateClient(sub);
        await api.AccountAsync(Accounts.Reseller(parent, agreement: false));
        await api.AccountAsync(Accounts.Reseller(sub.TenantId, parent: parent, maySell: false));

        var refused = await client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Http.Rules(refused).Should().Equal(("reseller", "ResellerMayNotSell"));
        Why(refused).Should().StartWith("Parent may not sell");

        await api.AccountAsync(Accounts.Reseller(parent, version: 2));
        await api.AccountAsync(Accounts.Reseller(sub.TenantId, parent: parent, version: 2));
        var quote = await client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created);
        quote.Get<Guid>("resellerId").Should().Be(sub.TenantId, "the sub-reseller sells; its parent's account vouches for it");
    }
}
