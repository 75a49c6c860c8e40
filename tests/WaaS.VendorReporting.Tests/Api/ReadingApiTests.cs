using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using WaaS.VendorReporting.Tests.SellOuts;
using Xunit;

namespace WaaS.VendorReporting.Tests.Api;

/// <summary>SellOuts/Reading: one deal, or a vendor's deals.</summary>
[Collection(VendorReportingApiCollection.Name)]
public sealed class ReadingApiTests(VendorReportingApi api)
{
    private readonly SellOutDriver _sellOuts = new(api);
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    [Fact]
    public async Task A_vendor_sees_every_deal_that_sold_its_items_and_no_other()
    {
        var vendor = "Vendor-" + Guid.NewGuid().ToString("N")[..8];
        var ours = Deal.Activated();
        ours = ours with { Lines = [.. ours.Lines, new DealLine("X-1", "Docking station", vendor, ItemKind.Option, 1, 3m, 1m)] };
        var other = Deal.Activated();
        await _sellOuts.ReportedAsync(ours);
        await _sellOuts.ReportedAsync(other);

        var reports = await _client.GetAsync($"/sell-outs?vendor={vendor}").ExpectAsync(HttpStatusCode.OK);

        reports.AsArray().Select(r => r!.Get<Guid>("id")).Should().Equal(ours.ContractId);
    }

    [Fact]
    public async Task Listing_without_a_vendor_is_refused_with_Required_on_vendor()
    {
        var problem = await _client.GetAsync("/sell-outs").ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Equal(("vendor", "Required"));
    }

    [Fact]
    public async Task An_unknown_sell_out_answers_404_NotFound()
    {
        var id = Guid.NewGuid();

        var problem = await _client.GetAsync($"/sell-outs/{id}").ExpectAsync(HttpStatusCode.NotFound);

        problem.Get<string>("rule").Should().Be("NotFound");
        problem.Get<string>("detail").Should().Contain(id.ToString());
    }
}
