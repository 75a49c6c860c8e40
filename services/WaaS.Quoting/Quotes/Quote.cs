using WaaS.Contracts;

namespace WaaS.Quoting.Quotes;

public enum QuoteStatus
{
    Draft,
    Accepted,
}

public sealed record Quote(
    Guid Id,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal TotalContractValue,
    decimal TotalCommission,
    QuoteStatus Status,
    DateTimeOffset CreatedAt,
    DateOnly ValidUntil,
    Guid? ContractId)
{
    public static Quote Create(QuoteDrafted e) =>
        new(e.QuoteId, e.ResellerId, e.Customer, e.TermMonths, e.Lines, e.Monthly, e.Monthly.Net * e.TermMonths, e.TotalCommission,
            QuoteStatus.Draft, e.DraftedAt, e.ValidUntil, null);

    public Quote Apply(QuoteAcceptedByCustomer e) => this with { Status = QuoteStatus.Accepted, ContractId = e.ContractId };
}

public sealed record QuoteDrafted(
    Guid QuoteId, Guid ResellerId, Customer Customer, int TermMonths, IReadOnlyList<DealLine> Lines, MonthlyAmount Monthly,
    decimal TotalCommission, DateOnly ValidUntil, DateTimeOffset DraftedAt);

public sealed record QuoteAcceptedByCustomer(Guid QuoteId, Guid ContractId, DateTimeOffset AcceptedAt);
