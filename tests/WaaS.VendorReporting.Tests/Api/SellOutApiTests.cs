using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using WaaS.VendorReporting.Tests.SellOuts;
using Xunit;

namespace WaaS.VendorReporting.Tests.Api;

[Collection(VendorReportingApiCollection.Name)]
public sealed class SellOutApiTests(VendorReportingApi api)
{
    private readonly SellOutDriver _sellOuts = new(api);
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task An_active_contract_is_reported_per_vendor_and_SellOutReported_goes_out_correlated_by_the_contract()
    {
        var published = await api.ObserveAsync<SellOutReported>();
        var contract = Deal.Activated();

        await _sellOuts.ActivateAsync(contract);

        var report = await _sellOuts.EventuallyAsync(contract.ContractId, _ => true);
        report.Get<Guid>("id").Should().Be(contract.ContractId);
        report["vendors"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("Allianz", "Dell", "Microsoft");
        var dell = report["entries"]!.AsArray().Single(e => e!.Get<string>("vendor") == "Dell")!;
        dell.Get<Guid>("resellerId").Should().Be(contract.ResellerId);
        dell.Get<string>("customerCountry").Should().Be("NL");
        dell.Get<Guid>("contractReference").Should().Be(contract.ContractId);
        dell.Get<string>("saleDate").Should().Be(Deal.Start.ToString("yyyy-MM-dd"));
        dell.Get<int>("products.0.quantity").Should().Be(2);
        dell["products"]![0]!["serialNumbers"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("DL-001", "DL-002");
        report["extensions"]!.AsArray().Should().BeEmpty();
        var (message, correlationId) = await published.FirstAsync(m => m.ContractId == contract.ContractId);
        message.Vendors.Should().Equal("Allianz", "Dell", "Microsoft");
        message.ReportedAt.Should().Be(api.Clock.GetUtcNow());
        correlationId.Should().Be(contract.ContractId);
    }

    [Fact]
    public async Task A_redelivered_or_repeated_activation_changes_nothing_and_publishes_nothing_more()
    {
        var published = await api.ObserveAsync<SellOutReported>();
        var contract = Deal.Activated();
        var messageId = Guid.NewGuid();
        await _sellOuts.ActivateAsync(contract, messageId);
        var first = await _sellOuts.EventuallyAsync(contract.ContractId, _ => true);
        await published.FirstAsync(m => m.ContractId == contract.ContractId);

        await _sellOuts.ActivateAsync(contract, messageId);
        await _sellOuts.ActivateAsync(contract with { Lines = [contract.Lines[0] with { Vendor = "HP" }] });
        await _sellOuts.HandledSoFarAsync(VendorReportingApi.ContractActivatedQueue);

        (await _sellOuts.GetAsync(contract.ContractId)).ToJsonString().Should().Be(first.ToJsonString());
        published.Count(m => m.ContractId == contract.ContractId).Should().Be(1);
    }

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
    public async Task An_extension_is_recorded_once_however_often_it_arrives()
    {
        var contract = Deal.Activated();
        await _sellOuts.ReportedAsync(contract);
        var extension = Deal.Extended(contract.ContractId, 1);
        var messageId = Guid.NewGuid();

        await _sellOuts.ExtendAsync(extension, messageId);
        await _sellOuts.ExtendAsync(extension, messageId);
        await _sellOuts.ExtendAsync(extension with { AddedMonths = 12 });
        await _sellOuts.HandledSoFarAsync(VendorReportingApi.ContractExtendedQueue);

        var report = await _sellOuts.GetAsync(contract.ContractId);
        report["extensions"]!.AsArray().Should().ContainSingle();
        report.Get<int>("extensions.0.extensionNumber").Should().Be(1);
        report.Get<int>("extensions.0.addedMonths").Should().Be(3);
        report.Get<string>("extensions.0.newEndDate").Should().Be(extension.NewEndDate.ToString("yyyy-MM-dd"));
        DateTimeOffset.Parse(report.Get<string>("extensions.0.recordedAt")).Should().Be(api.Clock.GetUtcNow());
    }

    [Fact]
    public async Task An_extension_that_arrives_before_the_sale_is_reported_is_retried_until_it_is()
    {
        var contract = Deal.Activated();

        await _sellOuts.ExtendAsync(Deal.Extended(contract.ContractId, 1));
        await _sellOuts.ActivateAsync(contract);

        var report = await _sellOuts.EventuallyAsync(contract.ContractId, r => r["extensions"]!.AsArray().Count == 1);
        report.Get<int>("extensions.0.extensionNumber").Should().Be(1);
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
