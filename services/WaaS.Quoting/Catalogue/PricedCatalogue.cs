using Marten;
using WaaS.Quoting.PriceLists;

namespace WaaS.Quoting.Catalogue;

/// <summary>The catalogue as it can be sold on one day: items, vendors, the price-list version in force and the withdrawals.</summary>
public sealed record PricedCatalogue(
    IReadOnlyDictionary<string, CatalogueItem> Items,
    IReadOnlyDictionary<string, Vendor> Vendors,
    PriceListVersion Prices,
    IReadOnlyList<WithdrawnItem> Withdrawn)
{
    public static async Task<PricedCatalogue?> LoadAsync(IQuerySession session, DateOnly day, CancellationToken ct)
    {
        var book = await session.LoadAsync<PriceListBook>(PriceListBook.StreamId, ct);
        if (book?.EffectiveOn(day) is not { } prices)
        {
            return null;
        }
        var items = await session.Query<CatalogueItem>().ToListAsync(ct);
        var vendors = await session.Query<Vendor>().ToListAsync(ct);
        return new PricedCatalogue(
            items.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase),
            vendors.ToDictionary(v => v.Id, StringComparer.OrdinalIgnoreCase),
            prices,
            book.Withdrawn);
    }

    public CatalogueItem? Find(string? sku) => sku is not null && Items.TryGetValue(sku, out var item) ? item : null;

    public bool IsWithdrawn(string sku) => Withdrawn.Any(w => string.Equals(w.Sku, sku, StringComparison.OrdinalIgnoreCase));

    /// <summary>What every seat bundle holds besides its device: default software, insurance and backup.</summary>
    public IEnumerable<CatalogueItem> BundleDefaults => Items.Values.Where(i => i.BundleDefault).OrderBy(i => i.Kind);

    public string VendorName(CatalogueItem item) => Vendors.TryGetValue(item.VendorId, out var vendor) ? vendor.Name : item.VendorId;
}
