using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.RentalContracts.Auditing;

/// <summary>
/// Who did what to a contract, when, through which client: its stream's events with their metadata
/// (<see cref="AuditTrail"/>). The distributor and the owning reseller read it; the contract is found through the same
/// scoped query as every contract read, so another tenant's contract answers 404.
/// </summary>
public static class ContractAudit
{
    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> Handle(
        Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        return TypedResults.Ok(await AuditTrail.ReadAsync(session, id, ct));
    }
}
