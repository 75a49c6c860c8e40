namespace WaaS.Contracts;

/// <summary>Command to the credit service: is the customer good for this exposure?</summary>
public sealed record CheckCredit(Guid ContractId, Customer Customer, decimal Exposure, int TermMonths, Guid? ResellerId = null);

/// <summary>The distributor takes the credit risk; the deal may come about.</summary>
public sealed record CreditApproved(Guid ContractId, decimal Exposure, DateTimeOffset DecidedAt);

/// <summary>The distributor declines the credit risk; the deal ends here.</summary>
public sealed record CreditRejected(Guid ContractId, string Reason, DateTimeOffset DecidedAt);

/// <summary>The automatic check cannot decide; an operator decides through the credit API.</summary>
public sealed record CreditReferredToManualReview(Guid ContractId, decimal Exposure, string Reason, DateTimeOffset ReferredAt);
