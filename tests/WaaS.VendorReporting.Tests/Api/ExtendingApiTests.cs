using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using WaaS.VendorReporting.Tests.SellOuts;
using Xunit;

namespace WaaS.VendorReporting.Tests.Api;

/// <summary>SellOuts/Extending through vendor-reporting-contract-extended.</summary>
[Collection(VendorReportingApiCollection.Name)]
public sealed class ExtendingApiTests(VendorReportingApi api)
{
    private readonly SellOutDriver _sellOuts = new(api);

    [Fact]
    public async Task An_extension_is_recorded_once_however_often_it_arrives()
    {
        var contract = Deal.Activated();
        await _sellOuts.ReportedAsync(contract);
        var extension = Deal.Extended(contract.ContractId, 1);
        var messageId = Guid.NewGuid();

        await _sellOuts.ExtendAsync(extension, messageId);
        // Up to eight messages run at once: the first must be recorded before its redelivery and replay are sent,
        // or the replay may be the one that lands first.
        await _sellOuts.EventuallyAsync(contract.ContractId, r => r["extensions"]!.AsArray().Count == 1);
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
}
