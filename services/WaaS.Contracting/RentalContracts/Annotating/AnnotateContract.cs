using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Annotations;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.RentalContracts.Annotating;

/// <summary>
/// The distributor attaches contacts, tasks, events, documents and cases to a reseller's contract and reads them back
/// (DOMAIN.md: what the distributor may do with a reseller's contract). Distributor only.
/// </summary>
public static class AnnotateContract
{
    public static async Task<Results<Created<AnnotationView>, ProblemHttpResult>> Attach(
        Guid id, AnnotationRequest request, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var v = Annotations.Validate(request);
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        var annotation = new ContractAnnotation
        {
            Id = Guid.CreateVersion7(),
            ContractId = id,
            Kind = request.Kind!.Value,
            Content = Annotations.Content(request),
            AddedBy = caller.Subject,
            AddedThrough = caller.ClientId,
            AddedAt = clock.GetUtcNow(),
        };
        session.Store(annotation);
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/contracts/{id}/annotations/{annotation.Id}", annotation.View());
    }

    public static async Task<Results<Ok<IReadOnlyList<AnnotationView>>, ProblemHttpResult>> List(
        Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        var annotations = await session.Query<ContractAnnotation>().Where(a => a.ContractId == id).OrderBy(a => a.AddedAt).ThenBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AnnotationView>>([.. annotations.Select(a => a.View())]);
    }
}
