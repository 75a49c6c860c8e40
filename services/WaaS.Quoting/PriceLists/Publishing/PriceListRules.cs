using WaaS.Quoting.Catalogue;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.PriceLists.Publishing;

/// <summary>What a new price-list version must satisfy; every broken rule is named with its field.</summary>
public static class PriceListRules
{
    public static Validation Validate(PublishPriceListRequest request, PriceListBook book, IReadOnlyDictionary<string, CatalogueItem> items, DateOnly today)
    {
        var v = new Validation()
            .Required(request.PublishedBy, "publishedBy")
            .Require(request.EffectiveFrom is not null, "effectiveFrom", "Required", "'effectiveFrom' is required.")
            .Require(request.Prices is { Count: > 0 }, "prices", "Required", "A new version needs at least one price.");
        if (request.EffectiveFrom is { } from)
        {
            v.Require(from >= today, "effectiveFrom", "EffectiveDateNotInPast", "A price list cannot take effect in the past.")
             .Require(from >= book.Latest.EffectiveFrom, "effectiveFrom", "EffectiveDatesInOrder",
                 $"Version {book.Latest.Number} takes effect on {book.Latest.EffectiveFrom:yyyy-MM-dd}; a new version cannot take effect earlier.");
        }
        var seen = new HashSet<(string, int)>();
        for (var i = 0; request.Prices is not null && i < request.Prices.Count; i++)
        {
            var p = request.Prices[i];
            var field = $"prices[{i}]";
            var known = p.Sku is not null && items.ContainsKey(p.Sku);
            v.Require(known, $"{field}.sku", "KnownItem", $"'{p.Sku}' is not in the catalogue.")
             .Require(!known || !book.IsWithdrawn(p.Sku!), $"{field}.sku", "ItemNotWithdrawn", $"'{p.Sku}' is withdrawn and cannot be priced again.")
             .Require(Terms.IsValid(p.TermMonths), $"{field}.termMonths", Terms.Rule, Terms.Message)
             .Require(p.MonthlyPrice > 0, $"{field}.monthlyPrice", "PositivePrice", "The monthly price must be above zero.")
             .Require(Money.IsWholeCents(p.MonthlyPrice), $"{field}.monthlyPrice", "WholeCents", "Prices are in whole cents.")
             .Require(p.Commission >= 0, $"{field}.commission", "NonNegativeCommission", "The commission cannot be negative.")
             .Require(Money.IsWholeCents(p.Commission), $"{field}.commission", "WholeCents", "Commissions are in whole cents.")
             .Require(!known || seen.Add((p.Sku!.ToUpperInvariant(), p.TermMonths)), $"{field}.sku", "OnePricePerItemAndTerm",
                 $"'{p.Sku}' is priced twice for {p.TermMonths} months.");
        }
        return v;
    }
}
