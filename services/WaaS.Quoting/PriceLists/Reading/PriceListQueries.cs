using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.PriceLists.Reading;

public sealed record PriceListSummary(int Version, DateOnly EffectiveFrom, string PublishedBy, DateTimeOffset PublishedAt, int PriceCount, bool Current);

/// <summary>A version as resellers see it, with the items withdrawn from new quotes.</summary>
public sealed record PriceListView(
    int Version, DateOnly EffectiveFrom, string PublishedBy, DateTimeOffset PublishedAt, IReadOnlyList<PriceEntry> Prices, IReadOnlyList<WithdrawnItem> Withdrawn);

/// <summary>Reads from the inline <see cref="PriceListBook"/> snapshot, never by replaying the stream.</summary>
public static class PriceListQueries
{
    public static async Task<Ok<IReadOnlyList<PriceListSummary>>> History(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var book = await session.LoadAsync<PriceListBook>(PriceListBook.StreamId, ct);
        var current = book?.EffectiveOn(Today(clock))?.Number;
        IReadOnlyList<PriceListSummary> versions = book is null ? [] :
            [.. book.Versions.Select(v => new PriceListSummary(v.Number, v.EffectiveFrom, v.PublishedBy, v.PublishedAt, v.Prices.Count, v.Number == current))];
        return TypedResults.Ok(versions);
    }

    public static async Task<Results<Ok<PriceListView>, ProblemHttpResult>> Current(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var book = await session.LoadAsync<PriceListBook>(PriceListBook.StreamId, ct);
        return book?.EffectiveOn(Today(clock)) is { } version ? TypedResults.Ok(View(book, version)) : Problems.NotFound("Price list", "current");
    }

    public static async Task<Results<Ok<PriceListView>, ProblemHttpResult>> ByNumber(int version, IQuerySession session, CancellationToken ct)
    {
        var book = await session.LoadAsync<PriceListBook>(PriceListBook.StreamId, ct);
        return book?.Versions.FirstOrDefault(v => v.Number == version) is { } found ? TypedResults.Ok(View(book, found)) : Problems.NotFound("Price list", version);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static PriceListView View(PriceListBook book, PriceListVersion v) =>
        new(v.Number, v.EffectiveFrom, v.PublishedBy, v.PublishedAt, v.Prices, book.Withdrawn);
}
