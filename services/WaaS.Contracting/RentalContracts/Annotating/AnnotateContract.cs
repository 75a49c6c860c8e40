using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.RentalContracts.Annotating;

/// <summary>An annotation as the distributor sends it: <c>kind</c> and the fields that kind needs.</summary>
public sealed record AnnotationRequest(
    AnnotationKind? Kind,
    string? Name,
    string? Role,
    string? Email,
    string? Phone,
    string? Title,
    DateOnly? DueDate,
    bool? Done,
    DateOnly? Date,
    string? Reference,
    string? Subject,
    CaseStatus? Status);

/// <summary>
/// The distributor attaches contacts, tasks, events, documents and cases to a reseller's contract and reads them back
/// (DOMAIN.md: what the distributor may do with a reseller's contract). Distributor only.
/// </summary>
public static class AnnotateContract
{
    public static async Task<Results<Created<ContractAnnotation>, ProblemHttpResult>> Attach(
        Guid id, AnnotationRequest request, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var v = Validate(request);
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        var annotation = From(request, id, caller, clock.GetUtcNow());
        session.Store(annotation);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/contracts/{id}/annotations/{annotation.Id}", annotation);
    }

    public static async Task<Results<Ok<IReadOnlyList<ContractAnnotation>>, ProblemHttpResult>> List(
        Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        var annotations = await session.Query<ContractAnnotation>().Where(a => a.ContractId == id).OrderBy(a => a.AddedAt).ThenBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ContractAnnotation>>([.. annotations]);
    }

    /// <summary>Each kind names its required fields; every missing or malformed one is named at once.</summary>
    public static Validation Validate(AnnotationRequest r)
    {
        var v = new Validation().Require(r.Kind is not null, "kind", "Required",
            $"'kind' is one of {string.Join(", ", Enum.GetNames<AnnotationKind>().Select(n => n.ToLowerInvariant()))}.");
        switch (r.Kind)
        {
            case AnnotationKind.Contact:
                v.Required(r.Name, "name")
                 .Required(r.Role, "role")
                 .Require(!string.IsNullOrWhiteSpace(r.Email) || !string.IsNullOrWhiteSpace(r.Phone), "email", "EmailOrPhone",
                     "A contact needs an e-mail address or a phone number.")
                 .Require(string.IsNullOrWhiteSpace(r.Email) || r.Email.Contains('@', StringComparison.Ordinal), "email", "EmailAddress",
                     "'email' must be an e-mail address.");
                break;
            case AnnotationKind.Task:
                v.Required(r.Title, "title").Require(r.DueDate is not null, "dueDate", "Required", "A task needs a 'dueDate'.");
                break;
            case AnnotationKind.Event:
                v.Required(r.Title, "title").Require(r.Date is not null, "date", "Required", "An event needs a 'date'.");
                break;
            case AnnotationKind.Document:
                v.Required(r.Title, "title").Required(r.Reference, "reference");
                break;
            case AnnotationKind.Case:
                v.Required(r.Subject, "subject").Require(r.Status is not null, "status", "Required",
                    $"A case needs a 'status' ({string.Join(", ", Enum.GetNames<CaseStatus>())}).");
                break;
        }
        return v;
    }

    private static ContractAnnotation From(AnnotationRequest r, Guid contractId, Caller caller, DateTimeOffset now)
    {
        var a = new ContractAnnotation
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            Kind = r.Kind!.Value,
            AddedBy = caller.Subject,
            AddedThrough = caller.ClientId,
            AddedAt = now,
        };
        switch (a.Kind)
        {
            case AnnotationKind.Contact:
                (a.Name, a.Role, a.Email, a.Phone) = (r.Name!.Trim(), r.Role!.Trim(), Trimmed(r.Email), Trimmed(r.Phone));
                break;
            case AnnotationKind.Task:
                (a.Title, a.DueDate, a.Done) = (r.Title!.Trim(), r.DueDate, r.Done ?? false);
                break;
            case AnnotationKind.Event:
                (a.Title, a.Date) = (r.Title!.Trim(), r.Date);
                break;
            case AnnotationKind.Document:
                (a.Title, a.Reference) = (r.Title!.Trim(), r.Reference!.Trim());
                break;
            case AnnotationKind.Case:
                (a.Subject, a.Status) = (r.Subject!.Trim(), r.Status);
                break;
        }
        return a;
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
