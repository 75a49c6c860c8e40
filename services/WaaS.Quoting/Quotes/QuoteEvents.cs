using WaaS.Contracts;

namespace WaaS.Quoting.Quotes;

public sealed record QuoteDrafted(
    Guid QuoteId,
    Guid FirstVersionId,
    int Revision,
    Guid? PreviousVersionId,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    int PriceListVersion,
    IReadOnlyList<DealLine> Lines,
    QuoteTotals Totals,
    DateOnly ValidUntil,
    DateTimeOffset DraftedAt,
    SalesRole Role = SalesRole.Reseller);

public sealed record QuoteSent(Guid QuoteId, string To, string? ContactName, DateTimeOffset SentAt);

public sealed record QuoteSuperseded(Guid QuoteId, Guid SupersededBy, DateTimeOffset SupersededAt);

public sealed record QuoteAccepted(Guid QuoteId, Guid ContractId, DateTimeOffset AcceptedAt);

public sealed record QuoteDeclined(Guid QuoteId, string Reason, DateTimeOffset DeclinedAt);
