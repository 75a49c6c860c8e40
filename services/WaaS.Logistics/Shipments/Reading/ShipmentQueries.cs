using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Logistics.Shipments.Reading;

/// <summary>Reads from the inline <see cref="Shipment"/> snapshot.</summary>
public static class ShipmentQueries
{
    public static async Task<Results<Ok<Shipment>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Shipment>(id, ct) is { } shipment ? TypedResults.Ok(shipment) : Problems.NotFound("Shipment", id);

    /// <summary>A contract's shipments: one, or more when a failed one was shipped again.</summary>
    public static async Task<Results<Ok<IReadOnlyList<Shipment>>, ProblemHttpResult>> ByContract(Guid? contractId, IQuerySession session, CancellationToken ct) =>
        contractId is null
            ? Problems.Invalid("contractId", "Required", "Filter by 'contractId'.")
            : TypedResults.Ok(await session.Query<Shipment>().Where(s => s.ContractId == contractId).ToListAsync(ct));
}
