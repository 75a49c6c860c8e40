using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using WaaS.VendorReporting.Tests.SellOuts;
using Xunit;

namespace WaaS.VendorReporting.Tests.Api;

/// <summary>
/// Who reads sell-out: the distributor all of it; a reseller its own deals' (and its sub-resellers'); a vendor only
/// the deals that sold its products, and of each only its own lines. Anyone else finds nothing.
/// </summary>
[Collection(VendorReportingApiCollection.Name)]
public sealed class AccessApiTests(VendorReportingApi api)
{
    private readonly SellOutDriver _sellOuts = new(api);

    private static string NewVendor() => "Vendor-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The standard deal (Dell, Microsoft, Allianz) of <paramref name="reseller"/>, plus a docking station of each of <paramref name="vendors"/>.</summary>
    private async Task<ContractActivated> ReportedAsync(Guid? reseller = null, params string[] vendors)
    {
        var deal = Deal.Activated();
        deal = deal with
        {
            ResellerId = reseller ?? Guid.NewGuid(),
            Lines = [.. deal.Lines, .. vendors.Select(v => new DealLine("DOCK-" + v, "Docking station", v, ItemKind.Option, 1, 3m, 1m))],
        };
        await _sellOuts.ReportedAsync(deal);
        return deal;
    }

    [Fact]
    public async Task Without_a_token_sell_out_answers_401_TokenRequired()
    {
        var deal = await ReportedAsync();

        var problem = await api.CreateClient().GetAsync($"/sell-outs/{deal.ContractId}").ExpectAsync(HttpStatusCode.Unauthorized);

        Http.Rules(problem).Should().Equal(("Authorization", "TokenRequired"));
    }

    [Fact]
    public async Task An_end_customer_may_not_read_sell_out()
    {
        var deal = await ReportedAsync();

        var problem = await api.CreateClient(As.Customer()).GetAsync($"/sell-outs/{deal.ContractId}").ExpectAsync(HttpStatusCode.Forbidden);

        Http.Rules(problem).Should().Equal(("Authorization", "PartyNotAllowed"));
    }

    [Fact]
    public async Task A_vendor_sees_only_its_own_lines_of_a_deal_and_not_which_other_vendors_sold_into_it()
    {
        var vendor = NewVendor();
        var deal = await ReportedAsync(vendors: vendor);

        var report = await api.CreateClient(As.Vendor(vendor)).GetAsync($"/sell-outs/{deal.ContractId}").ExpectAsync(HttpStatusCode.OK);

        report["vendors"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal(vendor);
        report["entries"]!.AsArray().Select(e => e!.Get<string>("vendor")).Should().Equal(vendor);
        report.Get<string>("entries.0.products.0.sku").Should().Be("DOCK-" + vendor);
        report.ToJsonString().Should().NotContain("DL-001", "the Dell serial numbers are Dell's").And.NotContain("Microsoft");
    }

    [Fact]
    public async Task A_vendor_lists_only_the_deals_with_its_products_and_a_deal_without_them_is_not_found()
    {
        var vendor = NewVendor();
        var ours = await ReportedAsync(vendors: vendor);
        var notOurs = await ReportedAsync(vendors: NewVendor());
        var client = api.CreateClient(As.Vendor(vendor));

        var list = await client.GetAsync("/sell-outs").ExpectAsync(HttpStatusCode.OK);
        var named = await client.GetAsync($"/sell-outs?vendor={vendor}").ExpectAsync(HttpStatusCode.OK);
        var missing = await client.GetAsync($"/sell-outs/{notOurs.ContractId}").ExpectAsync(HttpStatusCode.NotFound);

        list.AsArray().Select(r => r!.Get<Guid>("id")).Should().Equal(ours.ContractId);
        list.AsArray().SelectMany(r => r!["entries"]!.AsArray()).Select(e => e!.Get<string>("vendor")).Should().OnlyContain(v => v == vendor);
        named.ToJsonString().Should().Be(list.ToJsonString());
        missing.Get<string>("rule").Should().Be("NotFound");
    }

    [Fact]
    public async Task A_vendor_naming_another_vendor_in_the_filter_gets_nothing_of_it()
    {
        var (vendor, other) = (NewVendor(), NewVendor());
        await ReportedAsync(vendors: other);

        var list = await api.CreateClient(As.Vendor(vendor)).GetAsync($"/sell-outs?vendor={other}").ExpectAsync(HttpStatusCode.OK);
        var dell = await api.CreateClient(As.Vendor(vendor)).GetAsync("/sell-outs?vendor=Dell").ExpectAsync(HttpStatusCode.OK);

        list.AsArray().Should().BeEmpty();
        dell.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_reseller_reads_its_own_deals_whole_sell_out_and_lists_only_its_own_deals()
    {
        var (reseller, vendor) = (Guid.NewGuid(), NewVendor());
        var ours = await ReportedAsync(reseller, vendor);
        var theirs = await ReportedAsync(Guid.NewGuid(), vendor);
        var client = api.CreateClient(As.Reseller(reseller));

        var report = await client.GetAsync($"/sell-outs/{ours.ContractId}").ExpectAsync(HttpStatusCode.OK);
        var list = await client.GetAsync($"/sell-outs?vendor={vendor}").ExpectAsync(HttpStatusCode.OK);
        var missing = await client.GetAsync($"/sell-outs/{theirs.ContractId}").ExpectAsync(HttpStatusCode.NotFound);

        report["vendors"]!.AsArray().Select(v => v!.GetValue<string>()).Should().BeEquivalentTo(["Allianz", "Dell", "Microsoft", vendor]);
        report.Get<Guid>("resellerId").Should().Be(reseller);
        list.AsArray().Select(r => r!.Get<Guid>("id")).Should().Equal(ours.ContractId);
        missing.ToJsonString().Should().NotContain("DL-001");
    }

    [Fact]
    public async Task A_reseller_reads_its_sub_resellers_sell_out_but_the_sub_reseller_not_its_parents()
    {
        Guid parent = Guid.NewGuid(), sub = Guid.NewGuid();
        var subs = await ReportedAsync(sub);
        var parents = await ReportedAsync(parent);

        await api.CreateClient(As.Reseller(parent, sub)).GetAsync($"/sell-outs/{subs.ContractId}").ExpectAsync(HttpStatusCode.OK);
        await api.CreateClient(As.SubReseller(parent, sub)).GetAsync($"/sell-outs/{parents.ContractId}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_distributor_sees_every_vendors_lines()
    {
        var vendor = NewVendor();
        var deal = await ReportedAsync(vendors: vendor);

        var report = await api.CreateClient(As.Finance).GetAsync($"/sell-outs/{deal.ContractId}").ExpectAsync(HttpStatusCode.OK);

        report["entries"]!.AsArray().Select(e => e!.Get<string>("vendor")).Should().Equal("Allianz", "Dell", "Microsoft", vendor);
    }
}
