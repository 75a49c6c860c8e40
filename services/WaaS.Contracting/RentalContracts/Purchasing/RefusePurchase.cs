using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Purchasing;

/// <summary>The customer can never buy the hardware: the distributor owns it for its whole life.</summary>
public static class RefusePurchase
{
    public static readonly Refusal NoPurchase = Refusal.Broken("NoPurchase",
        "Rented devices cannot be bought: the distributor owns them, takes them back at the end and refurbishes them. " +
        "Ask the reseller for an extension or a successor contract instead.");

    public static async Task<ProblemHttpResult> Handle(Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.VisibleAsync(caller, id, ct) is null ? Problems.NotFound("Contract", id) : NoPurchase.ToProblem();
}
