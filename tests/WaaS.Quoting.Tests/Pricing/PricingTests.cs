using FluentAssertions;
using WaaS.Contracts;
using Xunit;
using QuotePricing = WaaS.Quoting.Quotes.Pricing;

namespace WaaS.Quoting.Tests.Pricing;

/// <summary>
/// VAT is rounded once, on the monthly net total, half away from zero (as the monthly invoice does it).
/// These cases pin that choice: each would come out a cent different under per-line or banker's rounding.
/// </summary>
public sealed class PricingTests
{
    private static DealLine Line(decimal monthly, int quantity = 1, decimal commission = 0m, bool byReseller = false) =>
        new("SKU", "Item", "Vendor", byReseller ? ItemKind.ResellerService : ItemKind.Device, quantity, monthly, commission, byReseller);

    [Fact]
    public void Vat_is_rounded_once_on_the_monthly_total_not_per_line()
    {
        // Per line: 4.50 × 19 % = 0.855 → 0.86 and 3.20 × 19 % = 0.608 → 0.61, together 1.47.
        // On the total: 7.70 × 19 % = 1.463 → 1.46.
        var monthly = QuotePricing.Monthly([Line(4.50m), Line(3.20m)], "DE");

        monthly.Should().Be(new MonthlyAmount(7.70m, 1.46m, 9.16m));
    }

    [Theory]
    [InlineData("DE", "1.50", "0.29")] // 0.285: banker's rounding would give 0.28
    [InlineData("NL", "0.50", "0.11")] // 0.105: banker's rounding would give 0.10
    [InlineData("BE", "0.50", "0.11")]
    [InlineData("AT", "2.25", "0.45")]
    public void A_half_cent_of_vat_is_rounded_away_from_zero(string country, string net, string vat)
    {
        var monthly = QuotePricing.Monthly([Line(decimal.Parse(net))], country);

        monthly.Vat.Should().Be(decimal.Parse(vat));
        monthly.Gross.Should().Be(decimal.Parse(net) + decimal.Parse(vat));
    }

    [Theory]
    [InlineData("DE", "19.00")]
    [InlineData("NL", "21.00")]
    [InlineData("AT", "20.00")]
    [InlineData("BE", "21.00")]
    public void Vat_follows_the_customers_country(string country, string vat)
    {
        QuotePricing.Monthly([Line(50m, quantity: 2)], country).Vat.Should().Be(decimal.Parse(vat));
    }

    [Fact]
    public void Reseller_service_lines_are_shown_but_never_billed_vatted_or_commissioned_by_us()
    {
        IReadOnlyList<DealLine> lines = [Line(29.90m, 2, 300m), Line(15.00m, 2, 0m, byReseller: true)];

        var totals = QuotePricing.Totals(lines, "DE", 36);

        totals.Monthly.Should().Be(new MonthlyAmount(59.80m, 11.36m, 71.16m));
        totals.ResellerServicesMonthly.Should().Be(30.00m);
        totals.TotalCommission.Should().Be(600m);
        totals.TotalContractValue.Should().Be(59.80m * 36);
        totals.TotalContractValueGross.Should().Be(2561.76m);
    }

    [Fact]
    public void Commission_is_per_unit_for_the_whole_term_times_quantity()
    {
        QuotePricing.TotalCommission([Line(39.90m, 2, 240m), Line(8.90m, 1, 48m), Line(6m, 2, 20m), Line(4.5m, 2, 11m)])
            .Should().Be(2 * 240m + 48m + 2 * 20m + 2 * 11m);
    }
}
