using WaaS.Quoting.PriceLists;

namespace WaaS.Quoting.Catalogue.Seeding;

/// <summary>
/// Version 1 of the price list: per item and term the monthly net price and the commission per unit for the
/// whole term. Upgrades and options pay extra commission. The MacBook is not offered for 12 months.
/// </summary>
public static class SeedPrices
{
    /// <summary>Far enough in the past that version 1 applies whatever day a system starts.</summary>
    public static readonly DateOnly EffectiveFrom = new(2025, 1, 1);

    public static readonly IReadOnlyList<PriceEntry> Prices =
    [
        .. Item("NB-LAT-5450", (12, 64.90m, 180m), (24, 39.90m, 240m), (36, 29.90m, 300m)),
        .. Item("NB-TP-E14", (12, 58.50m, 160m), (24, 35.50m, 215m), (36, 26.90m, 270m)),
        .. Item("NB-HP-840", (12, 69.90m, 190m), (24, 42.90m, 255m), (36, 32.50m, 320m)),
        .. Item("NB-MBA-13", (24, 49.90m, 290m), (36, 36.90m, 360m)),
        .. Item("PHN-SAM-A55", (12, 22.90m, 60m), (24, 13.90m, 80m), (36, 10.50m, 100m)),
        .. Item("PHN-IP15", (12, 36.90m, 110m), (24, 21.90m, 150m), (36, 16.90m, 190m)),
        .. Item("MON-P2425", (12, 14.90m, 35m), (24, 8.90m, 48m), (36, 6.90m, 60m)),
        .. Item("MON-P2725", (12, 16.90m, 40m), (24, 10.50m, 55m), (36, 7.90m, 70m)),
        .. Item("MON-HP-E24", (12, 13.90m, 32m), (24, 8.50m, 45m), (36, 6.50m, 56m)),
        .. Item("DOCK-WD22", (12, 12.50m, 30m), (24, 7.50m, 40m), (36, 5.50m, 50m)),
        .. Item("DOCK-TP-UC", (12, 11.50m, 28m), (24, 6.90m, 38m), (36, 4.90m, 46m)),
        .. Item("O365-BE", (12, 6.00m, 10m), (24, 6.00m, 20m), (36, 6.00m, 30m)),
        .. Item("O365-BP", (12, 20.60m, 40m), (24, 20.60m, 80m), (36, 20.60m, 120m)),
        .. Item("O365-E3", (12, 36.00m, 60m), (24, 36.00m, 120m), (36, 36.00m, 180m)),
        .. Item("INS-DEV", (12, 4.90m, 6m), (24, 4.50m, 11m), (36, 4.20m, 15m)),
        .. Item("INS-DEV-PLUS", (12, 7.90m, 10m), (24, 7.40m, 18m), (36, 6.90m, 25m)),
        .. Item("BKP-100", (12, 3.50m, 5m), (24, 3.20m, 9m), (36, 2.90m, 12m)),
        .. Item("BKP-1TB", (12, 8.90m, 12m), (24, 8.50m, 20m), (36, 7.90m, 28m)),
        .. Item("OPT-PRIV-14", (12, 1.90m, 3m), (24, 1.20m, 4m), (36, 0.90m, 5m)),
        .. Item("OPT-NBD", (12, 5.90m, 12m), (24, 4.90m, 20m), (36, 3.90m, 28m)),
    ];

    private static IEnumerable<PriceEntry> Item(string sku, params (int Term, decimal Monthly, decimal Commission)[] prices) =>
        prices.Select(p => new PriceEntry(sku, p.Term, p.Monthly, p.Commission));
}
