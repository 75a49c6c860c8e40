namespace WaaS.Quoting.PriceLists;

/// <summary>
/// The distributor's price list with its whole history: one event stream, append-only. A published version
/// is never changed (there is no event for that); a new version with a later effective date replaces it for
/// new quotes, while existing quotes keep the version they were made with.
/// </summary>
public sealed record PriceListBook(Guid Id, IReadOnlyList<PriceListVersion> Versions, IReadOnlyList<WithdrawnItem> Withdrawn)
{
    /// <summary>There is one price list; its stream id is fixed so every instance finds it.</summary>
    public static readonly Guid StreamId = new("6e1d3c0a-5b7f-4c1e-9a51-0c6f3f1d2b01");

    public long Version { get; init; }

    public PriceListVersion Latest => Versions[^1];

    public static PriceListBook Create(PriceListPublished e) => new(e.BookId, [PriceListVersion.From(e)], []);

    public PriceListBook Apply(PriceListPublished e) => this with { Versions = [.. Versions, PriceListVersion.From(e)] };

    public PriceListBook Apply(ItemWithdrawn e) => this with { Withdrawn = [.. Withdrawn, new WithdrawnItem(e.Sku, e.Reason, e.WithdrawnAt)] };

    /// <summary>The version in force on <paramref name="day"/>: the highest version whose effective date has come.</summary>
    public PriceListVersion? EffectiveOn(DateOnly day) =>
        Versions.Where(v => v.EffectiveFrom <= day).MaxBy(v => v.Number);

    public bool IsWithdrawn(string sku) => Withdrawn.Any(w => string.Equals(w.Sku, sku, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One published version: complete, so it prices a quote on its own.</summary>
public sealed record PriceListVersion(int Number, DateOnly EffectiveFrom, string PublishedBy, DateTimeOffset PublishedAt, IReadOnlyList<PriceEntry> Prices)
{
    public static PriceListVersion From(PriceListPublished e) => new(e.Version, e.EffectiveFrom, e.PublishedBy, e.PublishedAt, e.Prices);

    public PriceEntry? Find(string sku, int termMonths) =>
        Prices.FirstOrDefault(p => p.TermMonths == termMonths && string.Equals(p.Sku, sku, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Per item and term: the customer's monthly net price per unit and the reseller's commission per unit for the whole term.</summary>
public sealed record PriceEntry(string Sku, int TermMonths, decimal MonthlyPrice, decimal Commission);

public sealed record WithdrawnItem(string Sku, string Reason, DateTimeOffset WithdrawnAt);

public sealed record PriceListPublished(
    Guid BookId, int Version, DateOnly EffectiveFrom, IReadOnlyList<PriceEntry> Prices, string PublishedBy, DateTimeOffset PublishedAt);

public sealed record ItemWithdrawn(Guid BookId, string Sku, string Reason, DateTimeOffset WithdrawnAt);
