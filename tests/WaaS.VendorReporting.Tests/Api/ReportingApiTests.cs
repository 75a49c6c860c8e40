using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using WaaS.VendorReporting.Tests.SellOuts;
using Xunit;

namespace WaaS.VendorReporting.Tests.Api;

/// <summary>SellOuts/Reporting through vendor-reporting-contract-activated.</summary>
[Collection(VendorReportingApiCollection.Name)]
public sealed class ReportingApiTests(VendorReportingApi api)
{
    private readonly SellOutDriver _sellOuts = new(api);

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
}
