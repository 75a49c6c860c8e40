namespace WaaS.Contracts;

/// <summary>
/// Customer and distributor have both signed; the deal saga starts with this. A successor names its predecessor,
/// the day its devices are due by, and the predecessor's last day (<see cref="ContinuesAfter"/>).
/// </summary>
public sealed record ContractSigned(
    Guid ContractId,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal TotalCommission,
    DateTimeOffset SignedAt,
    Guid? PredecessorId = null,
    DateOnly? DevicesDueBy = null,
    DateOnly? ContinuesAfter = null,
    SalesRole Role = SalesRole.Reseller);

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
    DateTimeOffset ActivatedAt,
    SalesRole Role = SalesRole.Reseller);

/// <summary>The deal did not come about (credit rejected); the contract is void.</summary>
public sealed record DealRejected(Guid ContractId, string Reason, DateTimeOffset RejectedAt);

/// <summary>
/// A running contract ended (end of term or early termination). Its devices are due back.
/// <see cref="TerminationFee"/> is zero at the end of term. <see cref="CustomerId"/> is the end customer's account
/// (<see cref="Customer.AccountId"/>) when the contract names one, so its people may follow the return (added later, so optional).
/// </summary>
public sealed record ContractEnded(
    Guid ContractId,
    Guid ResellerId,
    ContractEndReason Reason,
    DateOnly EndDate,
    decimal TerminationFee,
    IReadOnlyList<ShippedDevice> Devices,
    DateTimeOffset EndedAt,
    Guid? SuccessorId = null,
    Guid? CustomerId = null);

/// <summary>Why a contract ended.</summary>
public enum ContractEndReason
{
    EndOfTerm,
    TerminatedEarly,
}

/// <summary>The deal was cancelled before shipment; the contract is void.</summary>
public sealed record DealCancelled(Guid ContractId, string Reason, DateTimeOffset CancelledAt);

/// <summary>
/// An active 12- or 24-month contract runs <see cref="AddedMonths"/> longer at its original conditions. A new
/// commissionable event: <see cref="Commission"/> is payable once per <see cref="ExtensionNumber"/>.
/// </summary>
public sealed record ContractExtended(
    Guid ContractId,
    Guid ResellerId,
    int ExtensionNumber,
    int AddedMonths,
    int TermMonths,
    DateOnly PreviousEndDate,
    DateOnly NewEndDate,
    MonthlyAmount Monthly,
    decimal Commission,
    DateTimeOffset ExtendedAt);

/// <summary>
/// A successor contract (from a new quote) replaces <see cref="PredecessorId"/>: its devices are due by
/// <see cref="DevicesDueBy"/>, before the predecessor's devices are due back, so services continue without a gap.
/// </summary>
public sealed record SuccessorLinked(
    Guid PredecessorId,
    Guid SuccessorId,
    Guid ResellerId,
    DateOnly PredecessorEndDate,
    DateOnly DevicesDueBy,
    DateOnly PredecessorReturnDeadline,
    DateTimeOffset LinkedAt);

/// <summary>A deal missed a deadline (credit decision, delivery) and is flagged for operations.</summary>
public sealed record DealDeadlineMissed(Guid ContractId, string Deadline, DateTimeOffset DueAt, DateTimeOffset FlaggedAt);

/// <summary>
/// A running contract reaches the follow-up window before its end date (DOMAIN.md step 8): time for the reseller
/// to offer an extension or a successor. Published once per end date by the durable schedule.
/// </summary>
public sealed record ContractEndingSoon(Guid ContractId, Guid ResellerId, DateOnly EndDate, int DaysLeft, DateTimeOffset RemindedAt);
