using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Returns.ReturnCases.Reading;

/// <summary>Reads from the inline <see cref="ReturnCase"/> snapshot.</summary>
public static class ReturnCaseQueries
{
    public static async Task<Results<Ok<ReturnCase>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ReturnCase>(id, ct) is { } returnCase ? TypedResults.Ok(returnCase) : Problems.NotFound("Return case", id);

    /// <summary>A contract's return cases (one per ending).</summary>
    public static async Task<Results<Ok<IReadOnlyList<ReturnCase>>, ProblemHttpResult>> ByContract(Guid? contractId, IQuerySession session, CancellationToken ct) =>
        contractId is null
            ? Problems.Invalid("contractId", "Required", "Filter by 'contractId'.")
            : TypedResults.Ok(await session.Query<ReturnCase>().Where(c => c.ContractId == contractId).ToListAsync(ct));
}
