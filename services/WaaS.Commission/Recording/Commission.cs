namespace WaaS.Commission.Recording;

public enum CommissionStatus
{
    Payable,
}

/// <summary>
/// The reseller's commission for one contract (stream id = contract id), paid for the whole term at once and
/// never clawed back.
/// </summary>
public sealed record ResellerCommission(Guid Id, Guid ResellerId, decimal Amount, int TermMonths, CommissionStatus Status, DateTimeOffset PayableAt)
{
    public static ResellerCommission Create(CommissionBecamePayable e) =>
        new(e.ContractId, e.ResellerId, e.Amount, e.TermMonths, CommissionStatus.Payable, e.PayableAt);
}

public sealed record CommissionBecamePayable(Guid ContractId, Guid ResellerId, decimal Amount, int TermMonths, DateTimeOffset PayableAt);
