namespace WaaS.Commission.Commissions;

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
    /// <summary>Each extension is a commissionable event of its own, paid once.</summary>
    public IReadOnlyList<ExtensionCommission> Extensions { get; init; } = [];

    public decimal TotalPayable => Amount + Extensions.Sum(e => e.Amount);

    public static ResellerCommission Create(CommissionPayable e) =>
        new(e.ContractId, e.ResellerId, e.Amount, e.TermMonths, CommissionStatus.Payable, e.PayableAt);

    public ResellerCommission Apply(ExtensionCommissionPayable e) =>
        this with { Extensions = [.. Extensions, new ExtensionCommission(e.ExtensionNumber, e.AddedMonths, e.Amount, e.PayableAt)] };
}

public sealed record ExtensionCommission(int ExtensionNumber, int AddedMonths, decimal Amount, DateTimeOffset PayableAt);
