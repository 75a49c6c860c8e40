using WaaS.Contracts;

namespace WaaS.Contracting.RentalContracts;

public enum ContractStatus
{
    Draft,
    Signed,
    Active,
    Voided,
    Ended,
}

/// <summary>The rental contract as its event stream folds it. Immutable: every event yields a new state.</summary>
public sealed record RentalContract(
    Guid Id,
    Guid QuoteId,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    decimal TotalCommission,
    ContractStatus Status,
    Signature? CustomerSignature,
    Signature? DistributorSignature,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<ShippedDevice> Devices,
    decimal? TerminationFee,
    string? VoidReason)
{
    public long Version { get; init; }

    /// <summary>The end customer's account (from the quote), whose people may read and sign this contract.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>Whether the reseller sold the deal or only referred the customer (Quoting README, Referrals).</summary>
    public SalesRole Role { get; init; } = SalesRole.Reseller;

    /// <summary>Months added by extensions; the term agreed at signing stays <see cref="TermMonths"/>.</summary>
    public int ExtendedMonths { get; init; }

    public int Extensions { get; init; }

    public int TotalTermMonths => TermMonths + ExtendedMonths;

    public ContractEndReason? EndReason { get; init; }

    public Guid? PredecessorId { get; init; }

    /// <summary>A successor's devices must arrive by this day (the predecessor's last day).</summary>
    public DateOnly? DevicesDueBy { get; init; }

    /// <summary>A successor's term starts the day after this (the predecessor's last day): no gap, no overlap.</summary>
    public DateOnly? ContinuesAfter { get; init; }

    public Guid? SuccessorId { get; init; }

    /// <summary>The customer's early scanned copy, if one was uploaded; the signatures still decide.</summary>
    public ScanReference? CustomerScan { get; init; }

    public bool IsSignedByBoth => CustomerSignature is not null && DistributorSignature is not null;

    public static RentalContract Create(ContractDrafted e) =>
        new(e.ContractId, e.QuoteId, e.ResellerId, e.Customer, e.TermMonths, e.Lines, e.Monthly, e.TotalCommission,
            ContractStatus.Draft, null, null, null, null, [], null, null) { CustomerId = e.Customer.AccountId, Role = e.Role };

    public RentalContract Apply(SignedByCustomer e) =>
        this with { CustomerSignature = new Signature(e.SignedBy, e.SignedAt) } is var next && next.IsSignedByBoth
            ? next with { Status = ContractStatus.Signed }
            : next;

    public RentalContract Apply(CountersignedByDistributor e) =>
        this with { DistributorSignature = new Signature(e.SignedBy, e.SignedAt) } is var next && next.IsSignedByBoth
            ? next with { Status = ContractStatus.Signed }
            : next;

    public RentalContract Apply(ContractActivated e) =>
        this with { Status = ContractStatus.Active, StartDate = e.StartDate, EndDate = e.EndDate, Devices = e.Devices };

    public RentalContract Apply(ContractVoided e) => this with { Status = ContractStatus.Voided, VoidReason = e.Reason };

    public RentalContract Apply(ContractEnded e) =>
        this with
        {
            Status = ContractStatus.Ended,
            EndDate = e.EndDate,
            EndReason = e.Reason,
            TerminationFee = e.Reason == ContractEndReason.TerminatedEarly ? e.TerminationFee : null,
        };

    public RentalContract Apply(ContractExtended e) =>
        this with { ExtendedMonths = ExtendedMonths + e.AddedMonths, Extensions = Extensions + 1, EndDate = e.NewEndDate };

    public RentalContract Apply(PredecessorLinked e) =>
        this with { PredecessorId = e.PredecessorId, DevicesDueBy = e.DevicesDueBy, ContinuesAfter = e.PredecessorEndDate };

    public RentalContract Apply(SuccessorLinked e) => this with { SuccessorId = e.SuccessorId };

    public RentalContract Apply(CustomerScanUploaded e) =>
        this with { CustomerScan = new ScanReference(e.ScanId, e.ContentType, e.Size, e.Sha256, e.UploadedAt) };
}
