namespace WaaS.Contracts;

/// <summary>Customer and distributor have both signed; the deal saga starts with this.</summary>
public sealed record ContractSigned(
    Guid ContractId,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal TotalCommission,
    DateTimeOffset SignedAt);

/// <summary>The devices arrived: the contract runs from <see cref="StartDate"/> to <see cref="EndDate"/> inclusive.</summary>
public sealed record ContractActivated(
    Guid ContractId,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    DateOnly StartDate,
    DateOnly EndDate,
    MonthlyAmount Monthly,
    IReadOnlyList<DealLine> Lines,
    IReadOnlyList<ShippedDevice> Devices,
    DateTimeOffset ActivatedAt);

/// <summary>The deal did not come about (credit rejected); the contract is void.</summary>
public sealed record DealRejected(Guid ContractId, string Reason, DateTimeOffset RejectedAt);

/// <summary>
/// A running contract ended (end of term or early termination). Its devices are due back.
/// <see cref="TerminationFee"/> is zero at the end of term.
/// </summary>
public sealed record ContractEnded(
    Guid ContractId,
    Guid ResellerId,
    ContractEndReason Reason,
    DateOnly EndDate,
    decimal TerminationFee,
    IReadOnlyList<ShippedDevice> Devices,
    DateTimeOffset EndedAt);

/// <summary>Why a contract ended.</summary>
public enum ContractEndReason
{
    EndOfTerm,
    TerminatedEarly,
}
