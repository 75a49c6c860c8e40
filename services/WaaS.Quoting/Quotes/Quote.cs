using WaaS.Contracts;

namespace WaaS.Quoting.Quotes;

/// <summary>Expired is never stored: a draft or sent quote is expired once its validity has passed.</summary>
public enum QuoteStatus
{
    Draft,
    Sent,
    Accepted,
    Declined,
    Expired,
    Superseded,
}

public sealed record QuoteSending(string To, string? ContactName, DateTimeOffset SentAt);

/// <summary>
/// One version of a quote, folded from its stream. Revisions are separate streams that share
/// <see cref="FirstVersionId"/>; the older version is marked superseded. Prices, VAT and commission are frozen
/// in <see cref="QuoteDrafted"/> and never recomputed.
/// </summary>
public sealed record Quote(
    Guid Id,
    Guid FirstVersionId,
    int Revision,
    Guid? PreviousVersionId,
    Guid? SupersededBy,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    int PriceListVersion,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal ResellerServicesMonthly,
    decimal TotalContractValue,
    decimal TotalContractValueGross,
    decimal TotalCommission,
    QuoteStatus Status,
    DateTimeOffset CreatedAt,
    DateOnly ValidUntil,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<QuoteSending> Sendings,
    DateTimeOffset? AcceptedAt,
    Guid? ContractId,
    DateTimeOffset? DeclinedAt,
    string? DeclineReason)
{
    public long Version { get; init; }

    /// <summary>Whether the reseller sells this deal or only refers the customer (README, Referrals).</summary>
    public SalesRole Role { get; init; } = SalesRole.Reseller;

    /// <summary>The end customer's account, when the reseller named one: its people may read and accept the quote.</summary>
    public Guid? CustomerId => Customer.AccountId;

    public static Quote Create(QuoteDrafted e) =>
        new(e.QuoteId, e.FirstVersionId, e.Revision, e.PreviousVersionId, null, e.ResellerId, e.Customer, e.TermMonths, e.PriceListVersion,
            e.Lines, e.Totals.Monthly, e.Totals.ResellerServicesMonthly, e.Totals.TotalContractValue, e.Totals.TotalContractValueGross,
            e.Totals.TotalCommission, QuoteStatus.Draft, e.DraftedAt, e.ValidUntil, e.ValidUntil.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            [], null, null, null, null) { Role = e.Role };

    public Quote Apply(QuoteSent e) => this with { Status = QuoteStatus.Sent, Sendings = [.. Sendings, new QuoteSending(e.To, e.ContactName, e.SentAt)] };

    public Quote Apply(QuoteSuperseded e) => this with { Status = QuoteStatus.Superseded, SupersededBy = e.SupersededBy };

    public Quote Apply(QuoteAccepted e) => this with { Status = QuoteStatus.Accepted, AcceptedAt = e.AcceptedAt, ContractId = e.ContractId };

    public Quote Apply(QuoteDeclined e) => this with { Status = QuoteStatus.Declined, DeclinedAt = e.DeclinedAt, DeclineReason = e.Reason };

    /// <summary>Open: the customer can still accept or decline it, and the reseller can still send or revise it.</summary>
    public bool IsOpen => Status is QuoteStatus.Draft or QuoteStatus.Sent;

    public bool IsExpiredAt(DateTimeOffset now) => IsOpen && now >= ExpiresAt;

    /// <summary>The quote as seen at <paramref name="now"/>: an open quote past its validity shows as expired.</summary>
    public Quote AsSeenAt(DateTimeOffset now) => IsExpiredAt(now) ? this with { Status = QuoteStatus.Expired } : this;
}
