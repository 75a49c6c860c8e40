using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.PriceLists.Publishing;

public sealed record PriceRequest(string? Sku, int TermMonths, decimal MonthlyPrice, decimal Commission);

/// <summary>
/// The operator's new version: only what changes is listed; every other price carries over from the latest
/// version, so the stored version is complete. An item is removed from new quotes by withdrawal, not here.
/// </summary>
public sealed record PublishPriceListRequest(DateOnly? EffectiveFrom, string? PublishedBy, IReadOnlyList<PriceRequest>? Prices);

public static class PublishPriceList
{
    public static async Task<Results<Created<PriceListView>, ProblemHttpResult>> Handle(
        PublishPriceListRequest request, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var items = (await session.Query<CatalogueItem>().ToListAsync(ct)).ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
        var today = PriceListQueries.Today(clock);
        var now = clock.GetUtcNow();
        return await http.DecideAsync(PriceListBook.StreamId, (PriceListBook book) => Decide(book, request, items, today, now),
            async written =>
            {
                var book = (await written.LoadAsync<PriceListBook>(PriceListBook.StreamId, ct))!;
                var version = book.Latest;
                return TypedResults.Created($"/price-lists/{version.Number}",
                    new PriceListView(version.Number, version.EffectiveFrom, version.PublishedBy, version.PublishedAt, version.Prices, book.Withdrawn));
            }, ct);
    }

    public static Decision Decide(
        PriceListBook book, PublishPriceListRequest request, IReadOnlyDictionary<string, CatalogueItem> items, DateOnly today, DateTimeOffset now)
    {
        var validation = PriceListRules.Validate(request, book, items, today);
        if (!validation.IsValid)
        {
            return Decision.Refuse(Refusal.Invalid(validation.Errors));
        }
        var changes = request.Prices!.Select(p => new PriceEntry(items[p.Sku!].Id, p.TermMonths, p.MonthlyPrice, p.Commission)).ToList();
        var carried = book.Latest.Prices.Where(old => !changes.Any(c => c.Sku == old.Sku && c.TermMonths == old.TermMonths));
        return Decision.Append(new PriceListPublished(PriceListBook.StreamId, book.Latest.Number + 1, request.EffectiveFrom!.Value,
            [.. carried.Concat(changes).OrderBy(p => p.Sku, StringComparer.Ordinal).ThenBy(p => p.TermMonths)],
            request.PublishedBy!.Trim(), now));
    }
}
