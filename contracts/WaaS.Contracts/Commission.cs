namespace WaaS.Contracts;

/// <summary>Command: record the reseller's commission for the whole term as payable (payday).</summary>
public sealed record RecordCommission(Guid ContractId, Guid ResellerId, decimal Amount, int TermMonths);

/// <summary>The reseller's commission is payable; there is no claw-back.</summary>
public sealed record CommissionPayable(Guid ContractId, Guid ResellerId, decimal Amount, DateTimeOffset PayableAt);
