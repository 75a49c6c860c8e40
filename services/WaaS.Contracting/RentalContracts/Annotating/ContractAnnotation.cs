using WaaS.ServiceDefaults.Annotations;

namespace WaaS.Contracting.RentalContracts.Annotating;

/// <summary>
/// One annotation of the distributor on a contract: a contact, a task, an event, a document or a case (one rule set with
/// the account's annotations: ServiceDefaults/Annotations). A document of its own (not an event on the contract's
/// stream): annotations are the distributor's notes, not mirrored contract fields, so attaching one must not move the
/// contract's version (the reseller's ETag for its next change) nor show up as a change of the contract.
/// </summary>
public sealed class ContractAnnotation
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public AnnotationKind Kind { get; set; }
    public AnnotationContent Content { get; set; } = new();

    /// <summary>Who attached it (the token's subject) and through which client.</summary>
    public string AddedBy { get; set; } = "";
    public string AddedThrough { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }

    public AnnotationView View() => new(Id, Kind, Content, AddedBy, AddedThrough, AddedAt);
}
