using WaaS.ServiceDefaults.Http;

namespace WaaS.ServiceDefaults.Annotations;

/// <summary>What the distributor attaches to an account or a contract (DOMAIN.md, multi-tier accounts).</summary>
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

/// <summary>An annotation as the distributor sends it, to an account or a contract alike: <c>kind</c> and the fields that
/// kind uses (<see cref="Annotations.Validate"/> says which are required).</summary>
public sealed record AnnotationRequest(
    AnnotationKind? Kind,
    string? Title = null,
    string? Name = null,
    string? Role = null,
    string? Email = null,
    string? Phone = null,
    DateOnly? DueOn = null,
    string? Assignee = null,
    bool? Done = null,
    DateOnly? OccurredOn = null,
    string? Reference = null,
    string? Description = null,
    CaseStatus? Status = null,
    string? Severity = null,
    string? Notes = null);

/// <summary>What an annotation says: only the fields of its kind, trimmed.</summary>
public sealed record AnnotationContent(
    string? Title = null,
    string? Name = null,
    string? Role = null,
    string? Email = null,
    string? Phone = null,
    DateOnly? DueOn = null,
    string? Assignee = null,
    bool? Done = null,
    DateOnly? OccurredOn = null,
    string? Reference = null,
    string? Description = null,
    CaseStatus? Status = null,
    string? Severity = null,
    string? Notes = null);

/// <summary>An annotation as read back: what, who attached it (subject and client), when.</summary>
public sealed record AnnotationView(Guid Id, AnnotationKind Kind, AnnotationContent Content, string AddedBy, string? AddedThrough, DateTimeOffset AddedAt);

/// <summary>
/// One rule set for annotations on accounts and contracts: contact = name + e-mail or phone; task = title + due date;
/// event = title + date; document = title + reference; case = title (status open unless said, severity low, normal or
/// high). Every missing or malformed field is named at once.
/// </summary>
public static class Annotations
{
    public static readonly string[] Severities = ["low", "normal", "high"];

    public static Validation Validate(AnnotationRequest r)
    {
        var v = new Validation().Require(r.Kind is not null, "kind", "Required",
            $"'kind' is one of {string.Join(", ", Enum.GetNames<AnnotationKind>().Select(n => n.ToLowerInvariant()))}.");
        switch (r.Kind)
        {
            case AnnotationKind.Contact:
                v.Required(r.Name, "name")
                    .Require(!string.IsNullOrWhiteSpace(r.Email) || !string.IsNullOrWhiteSpace(r.Phone), "email", "ContactNeedsEmailOrPhone",
                        "A contact needs an 'email' or a 'phone'.")
                    .Require(string.IsNullOrWhiteSpace(r.Email) || r.Email.Contains('@', StringComparison.Ordinal), "email", "EmailAddress",
                        "'email' must be an e-mail address.");
                break;
            case AnnotationKind.Task:
                v.Required(r.Title, "title").Require(r.DueOn is not null, "dueOn", "Required", "A task needs 'dueOn' (a date).");
                break;
            case AnnotationKind.Event:
                v.Required(r.Title, "title").Require(r.OccurredOn is not null, "occurredOn", "Required", "An event needs 'occurredOn' (a date).");
                break;
            case AnnotationKind.Document:
                v.Required(r.Title, "title").Required(r.Reference, "reference");
                break;
            case AnnotationKind.Case:
                v.Required(r.Title, "title")
                    .Require(r.Severity is null || Severities.Contains(r.Severity.Trim().ToLowerInvariant()), "severity", "SeverityKnown",
                        "'severity' is low, normal or high.");
                break;
        }
        return v;
    }

    /// <summary>Only the fields the kind uses are kept, trimmed; a case is open and of normal severity unless said.</summary>
    public static AnnotationContent Content(AnnotationRequest r) => r.Kind switch
    {
        AnnotationKind.Contact => new(Name: T(r.Name), Role: T(r.Role), Email: T(r.Email), Phone: T(r.Phone), Notes: T(r.Notes)),
        AnnotationKind.Task => new(Title: T(r.Title), DueOn: r.DueOn, Assignee: T(r.Assignee), Done: r.Done ?? false, Notes: T(r.Notes)),
        AnnotationKind.Event => new(Title: T(r.Title), OccurredOn: r.OccurredOn, Notes: T(r.Notes)),
        AnnotationKind.Document => new(Title: T(r.Title), Reference: T(r.Reference), Notes: T(r.Notes)),
        _ => new(Title: T(r.Title), Description: T(r.Description), Status: r.Status ?? CaseStatus.Open,
            Severity: T(r.Severity)?.ToLowerInvariant() ?? "normal", Notes: T(r.Notes)),
    };

    private static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
