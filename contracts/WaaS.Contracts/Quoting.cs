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
