using WaaS.Contracts;

namespace WaaS.Quoting.Quotes;

/// <summary>What a quote costs, with the reseller's own lines kept apart: they are shown, never billed or paid by us.</summary>
public sealed record QuoteTotals(
    MonthlyAmount Monthly,
    decimal ResellerServicesMonthly,
    decimal TotalContractValue,
    decimal TotalContractValueGross,
    decimal TotalCommission);

/// <summary>
/// Money rules of a quote. VAT is computed once on the monthly net total (not per line) and rounded half away
/// from zero to the cent, because that is how it is invoiced: one monthly invoice, one VAT amount. Per-line
/// rounding would make the quote differ from the invoice by a cent now and then. Unit prices are whole cents,
/// so the net total is exact; the contract value is the monthly amount times the term.
/// </summary>
public static class Pricing
{
    public static MonthlyAmount Monthly(IEnumerable<DealLine> lines, string country)
    {
        var net = lines.Where(l => !l.BilledByReseller).Sum(l => l.MonthlyPrice * l.Quantity);
        var vat = Math.Round(net * RentalCountries.Of(country).VatRate, 2, MidpointRounding.AwayFromZero);
        return new MonthlyAmount(net, vat, net + vat);
    }

    /// <summary>The reseller's commission for the whole term, paid at once: per-unit commission times quantity.</summary>
    public static decimal TotalCommission(IEnumerable<DealLine> lines) =>
        lines.Where(l => !l.BilledByReseller).Sum(l => l.Commission * l.Quantity);

    public static QuoteTotals Totals(IReadOnlyList<DealLine> lines, string country, int termMonths)
    {
        var monthly = Monthly(lines, country);
        return new QuoteTotals(
            monthly,
            lines.Where(l => l.BilledByReseller).Sum(l => l.MonthlyPrice * l.Quantity),
            monthly.Net * termMonths,
            monthly.Gross * termMonths,
            TotalCommission(lines));
    }
}
