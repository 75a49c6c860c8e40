using FluentAssertions;
using WaaS.ServiceDefaults.Writes;
using WaaS.VendorReporting.SellOuts;
using WaaS.VendorReporting.SellOuts.Extending;
using Xunit;

namespace WaaS.VendorReporting.Tests.SellOuts.Extending;

/// <summary>Given the report, when an extension arrives, then it is recorded with the sale it prolongs, once per number.</summary>
public sealed class RecordExtensionTests
{
    private readonly Guid _contract = Guid.NewGuid();

    [Fact]
    public void An_extension_is_recorded_with_the_term_it_adds_and_the_new_end_date()
    {
        var extension = Deal.Extended(_contract, 1);

        var decision = RecordExtension.Decide(Deal.Given(_contract), extension, Deal.Now);

        var recorded = decision.Events.Should().ContainSingle().Which.Should().BeOfType<ExtensionRecorded>().Subject;
        recorded.Should().Be(new ExtensionRecorded(_contract, 1, 3, extension.NewEndDate, Deal.Now));
        decision.Messages.Should().BeEmpty();
        Deal.Given(_contract, recorded).Extensions.Should().Equal(new ReportedExtension(1, 3, extension.NewEndDate, Deal.Now));
    }

    [Fact]
    public void An_extension_number_recorded_already_changes_nothing()
    {
        var report = Deal.Given(_contract, new ExtensionRecorded(_contract, 1, 3, Deal.Start.AddMonths(27).AddDays(-1), Deal.Now));

        RecordExtension.Decide(report, Deal.Extended(_contract, 1), Deal.Now).Should().Be(Decision.Nothing);
        RecordExtension.Decide(report, Deal.Extended(_contract, 2), Deal.Now).Events.Should().ContainSingle();
    }

    [Fact]
    public void An_extension_before_the_sale_is_reported_is_retried_later()
    {
        var decision = RecordExtension.Decide(null, Deal.Extended(_contract, 1), Deal.Now);

        decision.ArrivedEarly.Should().Contain(_contract.ToString());
        decision.Events.Should().BeEmpty();
    }
}
