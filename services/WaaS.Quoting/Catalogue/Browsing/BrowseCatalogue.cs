using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.Quoting.PriceLists;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.Catalogue.Browsing;

public sealed record TermOffer(int TermMonths, decimal MonthlyPrice, decimal Commission);

/// <summary>An item as a reseller browses it: what it is, who makes it, and today's fixed prices per term.</summary>
public sealed record CatalogueEntry(
    string Sku,
    string Description,
    string Vendor,
    string VendorName,
    int? WarrantyMonths,
    ItemKind Kind,
    bool WorkplaceDevice,
    bool BundleDefault,
    string? Replaces,
    IReadOnlyList<string> BaseSkus,
    bool Withdrawn,
    int PriceListVersion,
    IReadOnlyList<TermOffer> Prices);

public static class BrowseCatalogue
{
    public static async Task<Results<Ok<IReadOnlyList<CatalogueEntry>>, ProblemHttpResult>> Items(
        IQuerySession session, TimeProvider clock, ItemKind? kind, bool? includeWithdrawn, CancellationToken ct)
    {
        if (await PricedCatalogue.LoadAsync(session, PriceListQueries.Today(clock), ct) is not { } catalogue)
        {
            return Problems.NotFound("Price list", "current");
        }
        IReadOnlyList<CatalogueEntry> entries =
        [
            .. catalogue.Items.Values
                .Where(i => kind is null || i.Kind == kind)
                .Where(i => includeWithdrawn == true || !catalogue.IsWithdrawn(i.Id))
                .OrderBy(i => i.Kind).ThenBy(i => i.Id, StringComparer.Ordinal)
                .Select(i => Entry(catalogue, i)),
        ];
        return TypedResults.Ok(entries);
    }

    public static async Task<Results<Ok<CatalogueEntry>, ProblemHttpResult>> Item(string sku, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var catalogue = await PricedCatalogue.LoadAsync(session, PriceListQueries.Today(clock), ct);
        return catalogue?.Find(sku) is { } item ? TypedResults.Ok(Entry(catalogue, item)) : Problems.NotFound("Item", sku);
    }

    public static async Task<Ok<IReadOnlyList<Vendor>>> Vendors(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<Vendor>>([.. (await session.Query<Vendor>().ToListAsync(ct)).OrderBy(v => v.Id, StringComparer.Ordinal)]);

    private static CatalogueEntry Entry(PricedCatalogue catalogue, CatalogueItem item)
    {
        var vendor = catalogue.Vendors.GetValueOrDefault(item.VendorId);
        return new CatalogueEntry(item.Id, item.Description, item.VendorId, vendor?.Name ?? item.VendorId, vendor?.WarrantyMonths, item.Kind,
            item.WorkplaceDevice, item.BundleDefault, item.Replaces, item.BaseSkus ?? [], catalogue.IsWithdrawn(item.Id), catalogue.Prices.Number,
            [.. Terms.All.Select(t => catalogue.Prices.Find(item.Id, t)).OfType<PriceEntry>().Select(p => new TermOffer(p.TermMonths, p.MonthlyPrice, p.Commission))]);
    }
}
