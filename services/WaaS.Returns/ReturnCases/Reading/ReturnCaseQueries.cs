using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Returns.ReturnCases.Reading;

/// <summary>Reads from the inline <see cref="ReturnCase"/> snapshot, scoped to what the caller may see.</summary>
public static class ReturnCaseQueries
{
    /// <summary>One case; another tenant's is not found, like an unknown one.</summary>
    public static async Task<Results<Ok<ReturnCase>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.Query<ReturnCase>().Where(c => c.Id == id).VisibleTo(caller, c => c.ResellerId, c => c.CustomerId).FirstOrDefaultAsync(ct) is { } returnCase
            ? TypedResults.Ok(returnCase)
            : Problems.NotFound("Return case", id);

    /// <summary>A contract's return cases (one per ending); another tenant's contract lists none.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ReturnCase>>, ProblemHttpResult>> ByContract(Guid? contractId, Caller caller, IQuerySession session, CancellationToken ct) =>
        contractId is null
            ? Problems.Invalid("contractId", "Required", "Filter by 'contractId'.")
            : TypedResults.Ok(await session.Query<ReturnCase>().Where(c => c.ContractId == contractId)
                .VisibleTo(caller, c => c.ResellerId, c => c.CustomerId).ToListAsync(ct));
}
