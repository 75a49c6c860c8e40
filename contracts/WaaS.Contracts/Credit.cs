namespace WaaS.Contracts;

/// <summary>
/// Command to the credit service: is the customer good for this exposure? <see cref="PredecessorId"/> names the contract
/// a successor replaces (added later, so optional): credit re-checks the customer, lightly when its standing is unchanged.
/// </summary>
public sealed record CheckCredit(Guid ContractId, Customer Customer, decimal Exposure, int TermMonths, Guid? ResellerId = null, Guid? PredecessorId = null);

/// <summary>
/// The distributor takes the credit risk; the deal may come about. A reviewer may approve on conditions (added later,
/// so optional): at most <see cref="MaximumTermMonths"/> months, and/or a <see cref="SecurityDeposit"/> (net EUR) the
/// customer pays before shipment.
/// </summary>
public sealed record CreditApproved(Guid ContractId, decimal Exposure, DateTimeOffset DecidedAt, int? MaximumTermMonths = null, decimal? SecurityDeposit = null);

/// <summary>The distributor declines the credit risk; the deal ends here.</summary>
public sealed record CreditRejected(Guid ContractId, string Reason, DateTimeOffset DecidedAt);

/// <summary>The automatic check cannot decide; an operator decides through the credit API.</summary>
public sealed record CreditReferredToManualReview(Guid ContractId, decimal Exposure, string Reason, DateTimeOffset ReferredAt);
