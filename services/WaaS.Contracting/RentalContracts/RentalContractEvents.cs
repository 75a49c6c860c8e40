using WaaS.Contracts;

namespace WaaS.Contracting.RentalContracts;

public sealed record Signature(string SignedBy, DateTimeOffset SignedAt);

public sealed record ScanReference(Guid ScanId, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

public sealed record ContractDrafted(
    Guid ContractId,
    Guid QuoteId,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal TotalCommission,
    DateTimeOffset DraftedAt,
    SalesRole Role = SalesRole.Reseller);

public sealed record SignedByCustomer(Guid ContractId, string SignedBy, DateTimeOffset SignedAt);

public sealed record CountersignedByDistributor(Guid ContractId, string SignedBy, DateTimeOffset SignedAt);

/// <summary>The devices arrived: the term runs from <see cref="StartDate"/> (the saga decided it) to <see cref="EndDate"/>.</summary>
public sealed record ContractActivated(Guid ContractId, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<ShippedDevice> Devices, DateTimeOffset ActivatedAt);

public sealed record ContractVoided(Guid ContractId, string Reason, DateTimeOffset VoidedAt);

/// <summary>The contract ended: at its end date (no renewal, no notice) or terminated early with a fee.</summary>
public sealed record ContractEnded(Guid ContractId, ContractEndReason Reason, DateOnly EndDate, decimal TerminationFee, DateTimeOffset EndedAt);

public sealed record ContractExtended(Guid ContractId, int AddedMonths, DateOnly PreviousEndDate, DateOnly NewEndDate, decimal Commission, DateTimeOffset ExtendedAt);

public sealed record PredecessorLinked(Guid ContractId, Guid PredecessorId, DateOnly DevicesDueBy, DateOnly PredecessorEndDate, DateTimeOffset LinkedAt);

public sealed record SuccessorLinked(Guid ContractId, Guid SuccessorId, DateTimeOffset LinkedAt);

/// <summary>What the stream records about an uploaded scan (the bytes live in <see cref="Signing.SignatureScan"/>).</summary>
public sealed record CustomerScanUploaded(Guid ContractId, Guid ScanId, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);
