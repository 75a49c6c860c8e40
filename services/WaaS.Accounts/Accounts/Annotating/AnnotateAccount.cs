using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Annotations;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Accounts.Accounts.Annotating;

/// <summary>The distributor attaches an annotation to an account; it is recorded on the account's stream (so the
/// audit shows it) but is not account state: no AccountChanged.</summary>
public static class AnnotateAccount
{
    public static async Task<Results<Created<AnnotationView>, ProblemHttpResult>> Handle(
        Guid id, AnnotationRequest request, Caller caller, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = Annotations.Validate(request);
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        var annotationId = Guid.CreateVersion7();
        var attached = new AnnotationAttached(id, annotationId, request.Kind!.Value, Annotations.Content(request), caller.Subject, clock.GetUtcNow(),
            caller.ClientId);
        return await http.DecideAsync<Account, Created<AnnotationView>>(id, _ => Decision.Append(attached),
            _ => Task.FromResult(TypedResults.Created($"/accounts/{id}/annotations/{annotationId}", ToAnnotation(attached))), ct);
    }

    public static async Task<Results<Ok<IReadOnlyList<AnnotationView>>, ProblemHttpResult>> List(Guid id, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<Account>(id, ct) is null)
        {
            return Problems.NotFound("Account", id);
        }
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return TypedResults.Ok<IReadOnlyList<AnnotationView>>([.. events.Select(e => e.Data).OfType<AnnotationAttached>().Select(ToAnnotation)]);
    }

    private static AnnotationView ToAnnotation(AnnotationAttached e) => new(e.AnnotationId, e.Kind, e.Content, e.By, e.Through, e.AttachedAt);
}
