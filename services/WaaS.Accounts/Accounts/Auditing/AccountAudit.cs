using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Accounts.Accounts.Auditing;

/// <summary>Who did what to an account, when, through which client: the distributor and the tenants that see the
/// account (itself, its reseller) read it; anyone else gets 404.</summary>
public static class AccountAudit
{
    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadVisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Account", id);
        }
        return TypedResults.Ok(await AuditTrail.ReadAsync(session, id, ct));
    }
}
