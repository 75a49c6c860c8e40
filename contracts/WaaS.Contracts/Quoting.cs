namespace WaaS.Contracts;

/// <summary>
/// The customer accepted a quote: the contract draft is created from these frozen terms.
/// <see cref="PriceListVersion"/> is the price-list version the prices come from (added later, so optional);
/// <see cref="Role"/> says whether the reseller sells or only refers the deal.
/// </summary>
public sealed record QuoteAccepted(
    Guid QuoteId,
    Guid ContractId,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal TotalCommission,
    DateTimeOffset AcceptedAt,
    int? PriceListVersion = null,
    SalesRole Role = SalesRole.Reseller);

/// <summary>
/// The reseller sent a quote to the customer (<see cref="To"/>): the Notifications service renders the quote document
/// from these frozen terms and mails it as PDF. Customer-facing: the reseller's commission is not in it (the lines'
/// <see cref="DealLine.Commission"/> is zero here).
/// </summary>
public sealed record QuoteSent(
    Guid QuoteId,
    Guid ResellerId,
    string Reference,
    int Revision,
    Customer Customer,
    string To,
    string? ContactName,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal VatRate,
    decimal TotalContractValue,
    decimal TotalContractValueGross,
    DateTimeOffset IssuedAt,
    DateOnly ValidUntil,
    DateTimeOffset SentAt);
