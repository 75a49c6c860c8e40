using WaaS.Contracts;

namespace WaaS.Credit.Checks;

/// <summary>
/// A check was asked for: by the contract service (CheckCredit, for a deal or a successor), or by credit itself on an
/// extension. <see cref="ResellerId"/> is the selling reseller (null in checks requested before tenancy). A re-check of
/// an extension has a stream of its own (<see cref="CheckId"/>) for the contract <see cref="ContractId"/>.
/// The policy's outcome follows in the same commit.
/// </summary>
public sealed record CreditCheckRequested(Guid ContractId, Customer Customer, decimal Exposure, int TermMonths, DateTimeOffset RequestedAt, Guid? ResellerId = null,
    CheckKind Kind = CheckKind.Deal, string? CustomerKey = null, Guid? CheckId = null, Guid? PredecessorId = null);

/// <summary>
/// The policy approved (with its <see cref="Evaluation"/>), or an operator did on review (<see cref="ReviewedBy"/>,
/// with the reason and any conditions: a shorter maximum term, a security deposit).
/// </summary>
public sealed record CreditApproved(Guid ContractId, decimal Exposure, string? Reason, string? ReviewedBy, DateTimeOffset DecidedAt,
    CreditEvaluation? Evaluation = null, int? MaximumTermMonths = null, decimal? SecurityDeposit = null);

/// <summary>The policy rejected (with its <see cref="Evaluation"/>), or an operator did on review (<see cref="ReviewedBy"/>).</summary>
public sealed record CreditRejected(Guid ContractId, string Reason, string? ReviewedBy, DateTimeOffset DecidedAt, CreditEvaluation? Evaluation = null);

/// <summary>The policy cannot decide (the rules that referred it are in <see cref="Evaluation"/>); an operator will.</summary>
public sealed record CreditReferredToManualReview(Guid ContractId, decimal Exposure, string Reason, DateTimeOffset ReferredAt, CreditEvaluation? Evaluation = null);
