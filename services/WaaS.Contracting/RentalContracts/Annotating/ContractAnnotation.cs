namespace WaaS.Contracting.RentalContracts.Annotating;

/// <summary>What the distributor attaches to a reseller's contract.</summary>
public enum AnnotationKind
{
    Contact,
    Task,
    Event,
    Document,
    Case,
}

/// <summary>Where a case stands.</summary>
public enum CaseStatus
{
    Open,
    InProgress,
    Closed,
}

/// <summary>
/// One annotation of the distributor on a contract: a contact, a task, an event, a document or a case; only the fields
/// of its kind are filled. A document of its own (not an event on the contract's stream): annotations are the
/// distributor's notes, not mirrored contract fields, so attaching one must not move the contract's version (the
/// reseller's ETag for its next change) nor show up as a change of the contract.
/// </summary>
public sealed class ContractAnnotation
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public AnnotationKind Kind { get; set; }

    // contact
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    // task, event, document
    public string? Title { get; set; }
    public DateOnly? DueDate { get; set; }
    public bool? Done { get; set; }
    public DateOnly? Date { get; set; }
    public string? Reference { get; set; }

    // case
    public string? Subject { get; set; }
    public CaseStatus? Status { get; set; }

    /// <summary>Who attached it (the token's subject) and through which client.</summary>
    public string AddedBy { get; set; } = "";
    public string AddedThrough { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
}
