using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.RentalContracts.Reading;

public static class GetContract
{
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Handle(
        Guid id, Caller caller, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var contract = await session.VisibleAsync(caller, id, ct);
        if (contract is null)
        {
            return Problems.NotFound("Contract", id);
        }
        http.Response.Headers.ETag = ETag.From(contract.Version);
        return TypedResults.Ok(contract);
    }
}
