using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Logistics.Shipments.Reading;

/// <summary>Reads from the inline <see cref="Shipment"/> snapshot, scoped to what the caller may see.</summary>
public static class ShipmentQueries
{
    /// <summary>One shipment; another tenant's is not found, like an unknown one.</summary>
    public static async Task<Results<Ok<Shipment>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.Query<Shipment>().Where(s => s.Id == id).VisibleTo(caller, s => s.ResellerId, s => s.CustomerId).FirstOrDefaultAsync(ct) is { } shipment
            ? TypedResults.Ok(shipment)
            : Problems.NotFound("Shipment", id);

    /// <summary>A contract's shipments: one, or more when a failed one was shipped again; another tenant's contract lists none.</summary>
    public static async Task<Results<Ok<IReadOnlyList<Shipment>>, ProblemHttpResult>> ByContract(Guid? contractId, Caller caller, IQuerySession session, CancellationToken ct) =>
        contractId is null
            ? Problems.Invalid("contractId", "Required", "Filter by 'contractId'.")
            : TypedResults.Ok(await session.Query<Shipment>().Where(s => s.ContractId == contractId)
                .VisibleTo(caller, s => s.ResellerId, s => s.CustomerId).ToListAsync(ct));
}
