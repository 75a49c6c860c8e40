using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Accounts.Accounts.Annotating;

public sealed record AnnotateRequest(
    AnnotationKind? Kind,
    string? Title,
    string? Name,
    string? Email,
    string? Phone,
    string? Role,
    DateOnly? DueOn,
    string? Assignee,
    DateTimeOffset? OccurredAt,
    string? Reference,
    string? Description,
    string? Severity,
    string? Notes);

/// <summary>An annotation as read back.</summary>
public sealed record Annotation(Guid Id, Guid AccountId, AnnotationKind Kind, AnnotationFields Fields, string By, DateTimeOffset AttachedAt);

/// <summary>What each kind of annotation needs (DOMAIN.md: the distributor attaches contacts, tasks, events, documents
/// and cases to an account).</summary>
public static class AnnotationRules
{
    public static readonly string[] Severities = ["low", "normal", "high"];

    public static Validation Validate(AnnotateRequest r)
    {
        var v = new Validation().Require(r.Kind is not null, "kind", "Required", "'kind' is required: contact, task, event, document or case.");
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
                v.Required(r.Title, "title").Require(r.OccurredAt is not null, "occurredAt", "Required", "An event needs 'occurredAt'.");
                break;
            case AnnotationKind.Document:
                v.Required(r.Title, "title").Required(r.Reference, "reference");
                break;
            case AnnotationKind.Case:
                v.Required(r.Title, "title").Required(r.Description, "description")
                    .Require(r.Severity is null || Severities.Contains(r.Severity.Trim().ToLowerInvariant()), "severity", "SeverityKnown",
                        "'severity' is low, normal or high.");
                break;
        }
        return v;
    }

    /// <summary>Only the fields the kind uses are kept.</summary>
    public static AnnotationFields Fields(AnnotateRequest r) => r.Kind switch
    {
        AnnotationKind.Contact => new(Name: T(r.Name), Email: T(r.Email), Phone: T(r.Phone), Role: T(r.Role), Notes: T(r.Notes)),
        AnnotationKind.Task => new(Title: T(r.Title), DueOn: r.DueOn, Assignee: T(r.Assignee), Notes: T(r.Notes)),
        AnnotationKind.Event => new(Title: T(r.Title), OccurredAt: r.OccurredAt, Notes: T(r.Notes)),
        AnnotationKind.Document => new(Title: T(r.Title), Reference: T(r.Reference), Notes: T(r.Notes)),
        _ => new(Title: T(r.Title), Description: T(r.Description), Severity: T(r.Severity)?.ToLowerInvariant() ?? "normal", Notes: T(r.Notes)),
    };

    private static string? T(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The distributor attaches an annotation to an account; it is recorded on the account's stream (so the
/// audit shows it) but is not account state: no AccountChanged.</summary>
public static class AnnotateAccount
{
    public static async Task<Results<Created<Annotation>, ProblemHttpResult>> Handle(
        Guid id, AnnotateRequest request, Caller caller, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = AnnotationRules.Validate(request);
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        var annotationId = Guid.CreateVersion7();
        var attached = new AnnotationAttached(id, annotationId, request.Kind!.Value, AnnotationRules.Fields(request), caller.Subject, clock.GetUtcNow());
        return await http.DecideAsync<Account, Created<Annotation>>(id, _ => Decision.Append(attached),
            _ => Task.FromResult(TypedResults.Created($"/accounts/{id}/annotations/{annotationId}", ToAnnotation(attached))), ct);
    }

    public static async Task<Results<Ok<IReadOnlyList<Annotation>>, ProblemHttpResult>> List(Guid id, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Account>(id, ct) is null)
        {
            return Problems.NotFound("Account", id);
        }
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return TypedResults.Ok<IReadOnlyList<Annotation>>([.. events.Select(e => e.Data).OfType<AnnotationAttached>().Select(ToAnnotation)]);
    }

    private static Annotation ToAnnotation(AnnotationAttached e) => new(e.AnnotationId, e.AccountId, e.Kind, e.Fields, e.By, e.AttachedAt);
}
