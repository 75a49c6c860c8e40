using WaaS.Quoting.Catalogue;
using WaaS.Quoting.Catalogue.Seeding;
using WaaS.Quoting.PriceLists;

namespace WaaS.Quoting.Tests;

/// <summary>The seed catalogue at price-list version 1, without storage: for pure configuration tests.</summary>
public static class TestCatalogue
{
    public static PricedCatalogue Seed(params string[] withdrawn) =>
        new(SeedCatalogue.Items.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase),
            SeedCatalogue.Vendors.ToDictionary(v => v.Id, StringComparer.OrdinalIgnoreCase),
            new PriceListVersion(1, SeedPrices.EffectiveFrom, "seed", DateTimeOffset.UnixEpoch, SeedPrices.Prices),
            [.. withdrawn.Select(sku => new WithdrawnItem(sku, "end of life", DateTimeOffset.UnixEpoch))]);
}
