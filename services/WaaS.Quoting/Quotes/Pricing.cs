using WaaS.Contracts;

namespace WaaS.Quoting.Quotes;

/// <summary>
/// Money rules of a quote. VAT is computed once on the monthly net total (not per line) and rounded half
/// away from zero to the cent, as it is invoiced: one monthly invoice, one VAT amount.
/// </summary>
public static class Pricing
{
    public static readonly IReadOnlyDictionary<string, decimal> VatRates = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["DE"] = 0.19m,
        ["NL"] = 0.21m,
        ["AT"] = 0.20m,
        ["BE"] = 0.21m,
    };

    public static readonly IReadOnlySet<int> Terms = new HashSet<int> { 12, 24, 36 };

    public static MonthlyAmount Monthly(IEnumerable<DealLine> lines, string country)
    {
        var net = lines.Where(l => !l.BilledByReseller).Sum(l => l.MonthlyPrice * l.Quantity);
        var vat = Math.Round(net * VatRates[country], 2, MidpointRounding.AwayFromZero);
        return new MonthlyAmount(net, vat, net + vat);
    }

    public static decimal TotalCommission(IEnumerable<DealLine> lines) =>
        lines.Where(l => !l.BilledByReseller).Sum(l => l.Commission * l.Quantity);
}
