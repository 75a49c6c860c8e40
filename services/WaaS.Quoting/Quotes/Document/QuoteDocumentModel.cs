using WaaS.Contracts;
using WaaS.Documents.Quotes;

namespace WaaS.Quoting.Quotes.Document;

/// <summary>The one mapping from a quote to what its document and its QuoteSent message show (no commission).</summary>
public static class QuoteDocumentModel
{
    public static QuoteModel Of(Quote q) =>
        new(QuoteDocument.ReferenceOf(q), q.Revision, q.CreatedAt, q.ValidUntil, q.Customer, q.TermMonths,
            [.. q.Lines.Select(l => l with { Commission = 0 })], q.Monthly, RentalCountries.Of(q.Customer.Country).VatRate,
            q.TotalContractValue, q.TotalContractValueGross);

    public static Contracts.QuoteSent Sent(Quote q, string to, string? contactName, DateTimeOffset now)
    {
        var m = Of(q);
        return new(q.Id, q.ResellerId, m.Reference, m.Revision, m.Customer, to, contactName, m.TermMonths, m.Lines, m.Monthly, m.VatRate,
            m.TotalContractValue, m.TotalContractValueGross, m.IssuedAt, m.ValidUntil, now);
    }
}
