namespace WaaS.Commission.Commissions;

/// <summary>Payday: the commission for the whole term is payable.</summary>
public sealed record CommissionPayable(Guid ContractId, Guid ResellerId, decimal Amount, int TermMonths, DateTimeOffset PayableAt);

/// <summary>An extension's commission is payable, once per extension number.</summary>
public sealed record ExtensionCommissionPayable(Guid ContractId, int ExtensionNumber, int AddedMonths, decimal Amount, DateTimeOffset PayableAt);
