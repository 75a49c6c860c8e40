using WaaS.Contracts;

namespace WaaS.Quoting.Quotes.Document;

public sealed record DocumentLine(string Sku, string Description, string Vendor, int Quantity, decimal UnitMonthlyPrice, decimal MonthlyTotal);

/// <summary>
/// The customer-facing quote. It leaves out the reseller's commission (that is between reseller and distributor)
/// and lists the reseller's own services apart, as billed by the reseller and not part of the rental.
/// </summary>
public sealed record QuoteDocument(
    Guid QuoteId,
    string Reference,
    int Revision,
    QuoteStatus Status,
    DateTimeOffset IssuedAt,
    DateOnly ValidUntil,
    Customer Customer,
    int TermMonths,
    int PriceListVersion,
    IReadOnlyList<DocumentLine> RentalLines,
    MonthlyAmount Monthly,
    decimal VatRate,
    decimal TotalContractValue,
    decimal TotalContractValueGross,
    IReadOnlyList<DocumentLine> ResellerServices,
    decimal ResellerServicesMonthly,
    IReadOnlyList<QuoteSending> Sendings)
{
    public static QuoteDocument From(Quote q) =>
        new(q.Id, ReferenceOf(q), q.Revision, q.Status, q.CreatedAt, q.ValidUntil, q.Customer, q.TermMonths, q.PriceListVersion,
            [.. q.Lines.Where(l => !l.BilledByReseller).Select(Line)], q.Monthly, RentalCountries.Of(q.Customer.Country).VatRate,
            q.TotalContractValue, q.TotalContractValueGross,
            [.. q.Lines.Where(l => l.BilledByReseller).Select(Line)], q.ResellerServicesMonthly, q.Sendings);

    /// <summary>Stable across revisions: the first version's id, then the revision number.</summary>
    public static string ReferenceOf(Quote q) => $"Q-{q.FirstVersionId.ToString("N")[^8..].ToUpperInvariant()}-{q.Revision}";

    private static DocumentLine Line(DealLine l) => new(l.Sku, l.Description, l.Vendor, l.Quantity, l.MonthlyPrice, l.MonthlyPrice * l.Quantity);
}
