using WaaS.Contracts;

namespace WaaS.Quoting.Catalogue;

/// <summary>A catalogue item with its fixed price per term: monthly net price to the customer and commission to the reseller.</summary>
public sealed record CatalogueItem(string Sku, string Description, string Vendor, ItemKind Kind, IReadOnlyDictionary<int, TermPrice> Prices);

public sealed record TermPrice(decimal MonthlyPrice, decimal Commission);

/// <summary>
/// The distributor's fixed price list (skeleton: in code; the quoting issue makes it versioned and operator-published).
/// </summary>
public static class PriceList
{
    public static readonly IReadOnlyList<CatalogueItem> Items =
    [
        Item("NB-LAT-5450", "Dell Latitude 5450 notebook", "Dell", ItemKind.Device, (12, 64.90m, 180m), (24, 39.90m, 240m), (36, 29.90m, 300m)),
        Item("NB-TP-E14", "Lenovo ThinkPad E14 notebook", "Lenovo", ItemKind.Device, (12, 58.50m, 160m), (24, 35.50m, 215m), (36, 26.90m, 270m)),
        Item("MON-P2425", "Dell P2425 24\" monitor", "Dell", ItemKind.Device, (12, 14.90m, 35m), (24, 8.90m, 48m), (36, 6.90m, 60m)),
        Item("DOCK-WD22", "Dell WD22TB4 docking station", "Dell", ItemKind.Device, (12, 12.50m, 30m), (24, 7.50m, 40m), (36, 5.50m, 50m)),
        Item("O365-BE", "Microsoft 365 Business Essentials", "Microsoft", ItemKind.SoftwareLicence, (12, 6.00m, 10m), (24, 6.00m, 20m), (36, 6.00m, 30m)),
        Item("O365-BP", "Microsoft 365 Business Premium (upgrade)", "Microsoft", ItemKind.Upgrade, (12, 20.60m, 40m), (24, 20.60m, 80m), (36, 20.60m, 120m)),
        Item("INS-DEV", "Device insurance (theft, breakage)", "Allianz", ItemKind.Insurance, (12, 4.90m, 6m), (24, 4.50m, 11m), (36, 4.20m, 15m)),
        Item("BKP-100", "Cloud backup 100 GB", "Acronis", ItemKind.CloudBackup, (12, 3.50m, 5m), (24, 3.20m, 9m), (36, 2.90m, 12m)),
    ];

    public static CatalogueItem? Find(string sku) =>
        Items.FirstOrDefault(i => string.Equals(i.Sku, sku, StringComparison.OrdinalIgnoreCase));

    private static CatalogueItem Item(string sku, string description, string vendor, ItemKind kind, params (int Term, decimal Monthly, decimal Commission)[] prices) =>
        new(sku, description, vendor, kind, prices.ToDictionary(p => p.Term, p => new TermPrice(p.Monthly, p.Commission)));
}
