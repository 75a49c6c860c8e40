using WaaS.Contracts;

namespace WaaS.Credit.Checks;

/// <summary>The contract service asked for a check (CheckCredit); the policy's outcome follows in the same commit.
/// <see cref="ResellerId"/> is the selling reseller (null in checks requested before tenancy).</summary>
public sealed record CreditCheckRequested(Guid ContractId, Customer Customer, decimal Exposure, int TermMonths, DateTimeOffset RequestedAt, Guid? ResellerId = null);

/// <summary>The policy approved, or an operator did on review (<see cref="ReviewedBy"/>).</summary>
public sealed record CreditApproved(Guid ContractId, decimal Exposure, string? Reason, string? ReviewedBy, DateTimeOffset DecidedAt);

/// <summary>The policy rejected, or an operator did on review (<see cref="ReviewedBy"/>).</summary>
public sealed record CreditRejected(Guid ContractId, string Reason, string? ReviewedBy, DateTimeOffset DecidedAt);

/// <summary>The policy cannot decide; an operator will.</summary>
public sealed record CreditReferredToManualReview(Guid ContractId, decimal Exposure, string Reason, DateTimeOffset ReferredAt);
