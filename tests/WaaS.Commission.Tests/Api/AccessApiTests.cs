using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Commission.Tests.Api;

/// <summary>
/// Who reads commission: the distributor (finance and operations) and the owning reseller with its parent; the
/// <c>resellerId</c> filter narrows what a caller sees and never lets a reseller read another's.
/// </summary>
[Collection(CommissionApiCollection.Name)]
public sealed class AccessApiTests(CommissionApi api)
{
    private readonly HttpClient _operations = api.CreateClient(As.Operations);

    private async Task<Guid> PaydayAsync(Guid resellerId, decimal amount = 240m)
    {
        var command = new RecordCommission(Guid.NewGuid(), resellerId, amount, 24);
        await api.SendAsync(CommissionApi.RecordCommissionQueue, command);
        await Eventually.GetAsync(_operations, $"/commissions/{command.ContractId}", _ => true, "the commission is recorded");
        return command.ContractId;
    }

    [Fact]
    public async Task Without_a_token_a_commission_answers_401_TokenRequired()
    {
        var id = await PaydayAsync(Guid.NewGuid());

        var problem = await api.CreateClient().GetAsync($"/commissions/{id}").ExpectAsync(HttpStatusCode.Unauthorized);

        Http.Rules(problem).Should().Equal(("Authorization", "TokenRequired"));
    }

    [Fact]
    public async Task A_customer_or_a_vendor_may_not_read_commission()
    {
        var reseller = Guid.NewGuid();
        var id = await PaydayAsync(reseller);

        var customer = await api.CreateClient(As.Customer()).GetAsync($"/commissions/{id}").ExpectAsync(HttpStatusCode.Forbidden);
        var vendor = await api.CreateClient(As.Vendor("Dell")).GetAsync($"/commissions?resellerId={reseller}").ExpectAsync(HttpStatusCode.Forbidden);

        Http.Rules(customer).Should().Equal(("Authorization", "PartyNotAllowed"));
        Http.Rules(vendor).Should().Equal(("Authorization", "PartyNotAllowed"));
    }

    [Fact]
    public async Task The_owning_reseller_and_its_integration_partner_read_its_commission_and_operations_does_too()
    {
        var reseller = Guid.NewGuid();
        var id = await PaydayAsync(reseller, 480m);

        var own = await api.CreateClient(As.Reseller(reseller)).GetAsync($"/commissions/{id}").ExpectAsync(HttpStatusCode.OK);
        var partner = await api.CreateClient(As.PartnerOf(reseller)).GetAsync($"/commissions/{id}").ExpectAsync(HttpStatusCode.OK);
        var operations = await _operations.GetAsync($"/commissions/{id}").ExpectAsync(HttpStatusCode.OK);

        own.Get<decimal>("amount").Should().Be(480m);
        partner.ToJsonString().Should().Be(own.ToJsonString());
        operations.ToJsonString().Should().Be(own.ToJsonString());
    }

    [Fact]
    public async Task Another_resellers_commission_is_not_found_and_naming_it_in_the_filter_lists_nothing()
    {
        Guid mine = Guid.NewGuid(), theirs = Guid.NewGuid();
        await PaydayAsync(mine);
        var theirId = await PaydayAsync(theirs, 999m);
        var me = api.CreateClient(As.Reseller(mine));

        var single = await me.GetAsync($"/commissions/{theirId}").ExpectAsync(HttpStatusCode.NotFound);
        var list = await me.GetAsync($"/commissions?resellerId={theirs}").ExpectAsync(HttpStatusCode.OK);
        var own = await me.GetAsync($"/commissions?resellerId={mine}").ExpectAsync(HttpStatusCode.OK);

        single.Get<string>("title").Should().Be("Commission not found.");
        single.ToJsonString().Should().NotContain("999");
        list.AsArray().Should().BeEmpty();
        own.AsArray().Select(c => c!.Get<Guid>("resellerId")).Should().ContainSingle().Which.Should().Be(mine);
    }

    [Fact]
    public async Task A_reseller_reads_its_sub_resellers_commissions_but_the_sub_reseller_not_its_parents()
    {
        Guid parent = Guid.NewGuid(), sub = Guid.NewGuid();
        var subs = await PaydayAsync(sub, 120m);
        var parents = await PaydayAsync(parent, 360m);
        var asParent = api.CreateClient(As.Reseller(parent, sub));
        var asSub = api.CreateClient(As.SubReseller(parent, sub));

        (await asParent.GetAsync($"/commissions/{subs}").ExpectAsync(HttpStatusCode.OK)).Get<decimal>("amount").Should().Be(120m);
        (await asParent.GetAsync($"/commissions?resellerId={sub}").ExpectAsync(HttpStatusCode.OK))
            .AsArray().Select(c => c!.Get<Guid>("id")).Should().Equal(subs);
        await asSub.GetAsync($"/commissions/{parents}").ExpectAsync(HttpStatusCode.NotFound);
        (await asSub.GetAsync($"/commissions?resellerId={parent}").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().BeEmpty();
    }
}
