using FluentAssertions;
using WaaS.ServiceDefaults.Writes;
using WaaS.VendorReporting.SellOuts;
using WaaS.VendorReporting.SellOuts.Reporting;
using Xunit;

namespace WaaS.VendorReporting.Tests.SellOuts.Reporting;

/// <summary>Given no report (or one), when the contract is activated, then one sale per vendor, reported once.</summary>
public sealed class ReportSellOutTests
{
    [Fact]
    public void An_active_contract_is_reported_per_vendor_with_its_products_and_the_serial_numbers_shipped()
    {
        var contract = Deal.Activated();

        var decision = ReportSellOut.Decide(null, contract, Deal.Now);

        var reported = decision.Events.Should().ContainSingle().Which.Should().BeOfType<SellOutReported>().Subject;
        reported.ContractId.Should().Be(contract.ContractId);
        reported.ReportedAt.Should().Be(Deal.Now);
        reported.Entries.Select(e => e.Vendor).Should().Equal("Allianz", "Dell", "Microsoft");
        var dell = reported.Entries.Single(e => e.Vendor == "Dell");
        dell.Should().BeEquivalentTo(new { ResellerId = contract.ResellerId, CustomerCountry = "NL", ContractReference = contract.ContractId, SaleDate = Deal.Start });
        dell.Products.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new SoldProduct("NB-LAT-5450", "Dell Latitude 5450", 2, ["DL-001", "DL-002"]));
        reported.Entries.Single(e => e.Vendor == "Microsoft").Products.Single().SerialNumbers.Should().BeEmpty();
        var message = decision.Messages.Should().ContainSingle().Which.Should().BeOfType<Contracts.SellOutReported>().Subject;
        message.Should().BeEquivalentTo(new { contract.ContractId, Vendors = new[] { "Allianz", "Dell", "Microsoft" }, ReportedAt = Deal.Now,
            ResellerId = (Guid?)contract.ResellerId, CustomerCountry = "NL", SaleDate = (DateOnly?)Deal.Start });
        // Integration partners get the lines without calling back (webhooks' sellout.reported.v1).
        message.Lines.Should().ContainEquivalentOf(new Contracts.SoldLine("Dell", "NB-LAT-5450", "Dell Latitude 5450", 2, ["DL-001", "DL-002"]));
        message.Lines!.Select(l => l.Vendor).Distinct().Should().Equal("Allianz", "Dell", "Microsoft");
    }

    [Fact]
    public void What_the_reseller_bills_itself_is_no_vendors_sale()
    {
        var entries = ReportSellOut.Entries(Deal.Activated());

        entries.Select(e => e.Vendor).Should().NotContain(["Reseller", "Lenovo"]);
        entries.SelectMany(e => e.Products).Select(p => p.Sku).Should().NotContain(["SVC-SETUP", "SVC-HELPDESK"]);
    }

    [Fact]
    public void The_report_lists_its_vendors_for_the_vendor_filter()
    {
        var contract = Deal.Activated();

        Deal.Given(contract.ContractId).Vendors.Should().Equal("Allianz", "Dell", "Microsoft");
    }

    [Fact]
    public void A_second_activation_of_a_reported_contract_changes_nothing_and_publishes_nothing()
    {
        var contract = Deal.Activated();

        ReportSellOut.Decide(Deal.Given(contract.ContractId), contract, Deal.Now).Should().Be(Decision.Nothing);
    }

    [Fact]
    public void The_report_belongs_to_the_selling_reseller_and_one_vendor_sees_only_its_own_lines()
    {
        var contract = Deal.Activated();
        var report = SellOutReport.Create((SellOutReported)ReportSellOut.Decide(null, contract, Deal.Now).Events.Single());
        var older = SellOutReport.Create(new SellOutReported(contract.ContractId, ReportSellOut.Entries(contract), Deal.Now));

        var dells = report.OnlyOf("Dell");

        report.ResellerId.Should().Be(contract.ResellerId);
        older.ResellerId.Should().Be(contract.ResellerId, "a report from before tenancy names its reseller in the entries");
        dells.Vendors.Should().Equal("Dell");
        dells.Entries.Should().ContainSingle().Which.Vendor.Should().Be("Dell");
        report.OnlyOf("HP").Entries.Should().BeEmpty();
    }
}
