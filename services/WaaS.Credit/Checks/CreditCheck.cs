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
/// One credit decision: the policy's, or an operator's on review. Stream id = the contract id for a deal or a successor;
/// an extension's re-check has an id of its own (<see cref="Rechecking.RecheckExtension.CheckId"/>) and names its
/// <see cref="ContractId"/>. <see cref="ResellerId"/> owns it (<see cref="Guid.Empty"/> when the request named none: the
/// distributor's only); <see cref="CustomerId"/> is the end customer's account when known. <see cref="Evaluation"/> is
/// what the policy decided on: every rule with its inputs, the exposure and the bureau's answer.
/// </summary>
public sealed record CreditCheck(Guid Id, string CustomerName, string Country, decimal Exposure, CreditDecision Decision, string? Reason, DateTimeOffset DecidedAt)
{
    /// <summary>The operator who decided a referred check, if one did.</summary>
    public string? ReviewedBy { get; init; }

    public Guid ResellerId { get; init; }

    public Guid? CustomerId { get; init; }

    public Guid ContractId { get; init; }

    public CheckKind Kind { get; init; }

    /// <summary>The customer's exposure key (<see cref="Customers.CustomerKey"/>).</summary>
    public string? CustomerKey { get; init; }

    public int TermMonths { get; init; }

    public Guid? PredecessorId { get; init; }

    public CreditEvaluation? Evaluation { get; init; }

    /// <summary>When the policy referred it (the reviewers' clock); null when it did not.</summary>
    public DateTimeOffset? ReferredAt { get; init; }

    /// <summary>A reviewer's conditions on an approval.</summary>
    public int? MaximumTermMonths { get; init; }

    public decimal? SecurityDeposit { get; init; }

    public static CreditCheck Create(CreditCheckRequested e) =>
        new(e.CheckId ?? e.ContractId, e.Customer.CompanyName, e.Customer.Country, e.Exposure, CreditDecision.Pending, null, e.RequestedAt)
        {
            ResellerId = e.ResellerId ?? Guid.Empty,
            CustomerId = e.Customer.AccountId,
            ContractId = e.ContractId,
            Kind = e.Kind,
            CustomerKey = e.CustomerKey,
            TermMonths = e.TermMonths,
            PredecessorId = e.PredecessorId,
        };

    public CreditCheck Apply(CreditApproved e) =>
        this with
        {
            Decision = CreditDecision.Approved, Reason = e.Reason, DecidedAt = e.DecidedAt, ReviewedBy = e.ReviewedBy,
            Evaluation = e.Evaluation ?? Evaluation, MaximumTermMonths = e.MaximumTermMonths, SecurityDeposit = e.SecurityDeposit,
        };

    public CreditCheck Apply(CreditRejected e) =>
        this with { Decision = CreditDecision.Rejected, Reason = e.Reason, DecidedAt = e.DecidedAt, ReviewedBy = e.ReviewedBy, Evaluation = e.Evaluation ?? Evaluation };

    public CreditCheck Apply(CreditReferredToManualReview e) =>
        this with { Decision = CreditDecision.Referred, Reason = e.Reason, DecidedAt = e.ReferredAt, ReferredAt = e.ReferredAt, Evaluation = e.Evaluation ?? Evaluation };
}
