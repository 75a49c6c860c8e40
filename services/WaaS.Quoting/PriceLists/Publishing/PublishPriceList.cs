using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.ServiceDefaults.Http;

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
        PublishPriceListRequest request, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!ETag.TryReadIfMatch(http.Request, out var expected))
        {
            return Problems.Invalid("If-Match", "ETagFormat", "If-Match must be the quoted price-list version, e.g. \"3\".");
        }
        var stream = expected is { } v
            ? await session.Events.FetchForWriting<PriceListBook>(PriceListBook.StreamId, v, ct)
            : await session.Events.FetchForWriting<PriceListBook>(PriceListBook.StreamId, ct);
        if (stream.Aggregate is not { } book)
        {
            return Problems.NotFound("Price list", "book");
        }
        var items = (await session.Query<CatalogueItem>().ToListAsync(ct)).ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
        var validation = PriceListRules.Validate(request, book, items, PriceListQueries.Today(clock));
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var changes = request.Prices!.Select(p => new PriceEntry(items[p.Sku!].Id, p.TermMonths, p.MonthlyPrice, p.Commission)).ToList();
        var carried = book.Latest.Prices.Where(old => !changes.Any(c => c.Sku == old.Sku && c.TermMonths == old.TermMonths));
        var published = new PriceListPublished(PriceListBook.StreamId, book.Latest.Number + 1, request.EffectiveFrom!.Value,
            [.. carried.Concat(changes).OrderBy(p => p.Sku, StringComparer.Ordinal).ThenBy(p => p.TermMonths)],
            request.PublishedBy!.Trim(), clock.GetUtcNow());
        stream.AppendOne(published);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ExpectedVersion", "Another version was published meanwhile; reload and retry.", "If-Match");
        }
        var version = PriceListVersion.From(published);
        http.Response.Headers.ETag = ETag.From(stream.CurrentVersion ?? 0);
        return TypedResults.Created($"/price-lists/{version.Number}",
            new PriceListView(version.Number, version.EffectiveFrom, version.PublishedBy, version.PublishedAt, version.Prices, book.Withdrawn));
    }
}
