namespace WaaS.Credit.Checks;

/// <summary>Pending lasts only from the request to the policy's outcome, which commit together, so no reader sees it.</summary>
public enum CreditDecision
{
    Approved,
    Rejected,
    Referred,
    Pending,
}

/// <summary>
/// The credit decision for one contract (stream id = contract id): the policy's, or an operator's on review.
/// <see cref="ResellerId"/> owns it (<see cref="Guid.Empty"/> when the request named none: the distributor's only);
/// <see cref="CustomerId"/> is the end customer's account when known.
/// </summary>
public sealed record CreditCheck(Guid Id, string CustomerName, string Country, decimal Exposure, CreditDecision Decision, string? Reason, DateTimeOffset DecidedAt)
{
    /// <summary>The operator who decided a referred check, if one did.</summary>
    public string? ReviewedBy { get; init; }

    public Guid ResellerId { get; init; }

    public Guid? CustomerId { get; init; }

    public static CreditCheck Create(CreditCheckRequested e) =>
        new(e.ContractId, e.Customer.CompanyName, e.Customer.Country, e.Exposure, CreditDecision.Pending, null, e.RequestedAt)
        {
            ResellerId = e.ResellerId ?? Guid.Empty,
            CustomerId = e.Customer.AccountId,
        };

    public CreditCheck Apply(CreditApproved e) =>
        this with { Decision = CreditDecision.Approved, Reason = e.Reason, DecidedAt = e.DecidedAt, ReviewedBy = e.ReviewedBy };

    public CreditCheck Apply(CreditRejected e) =>
        this with { Decision = CreditDecision.Rejected, Reason = e.Reason, DecidedAt = e.DecidedAt, ReviewedBy = e.ReviewedBy };

    public CreditCheck Apply(CreditReferredToManualReview e) =>
        this with { Decision = CreditDecision.Referred, Reason = e.Reason, DecidedAt = e.ReferredAt };
}
