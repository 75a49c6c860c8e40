using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Signing;

public sealed record SignRequest(string? SignedBy);

public enum Signer
{
    Customer,
    Distributor,
}

/// <summary>
/// The customer signs, the distributor countersigns, in either order. When the second signature lands the
/// contract is signed and the deal saga starts (ContractSigned, committed with the signature).
/// </summary>
public static class SignContract
{
    /// <summary>The customer's signature: collected by the reseller's staff, or given by the customer itself for its own contract.</summary>
    public static Task<Results<Ok<RentalContract>, ProblemHttpResult>> ByCustomer(
        Guid id, SignRequest request, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Handle(id, request, Signer.Customer, caller, session, clock, http, ct);

    /// <summary>The distributor's countersignature (operations).</summary>
    public static Task<Results<Ok<RentalContract>, ProblemHttpResult>> ByDistributor(
        Guid id, SignRequest request, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Handle(id, request, Signer.Distributor, caller, session, clock, http, ct);

    private static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Handle(
        Guid id, SignRequest request, Signer party, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.SignedBy))
        {
            return Problems.Invalid("signedBy", "Required", "'signedBy' names the person who signed.");
        }
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (RentalContract contract) => Decide(contract, party, request.SignedBy.Trim(), now), ct);
    }

    public static Decision Decide(RentalContract contract, Signer party, string signedBy, DateTimeOffset now)
    {
        if (contract.Status != ContractStatus.Draft)
        {
            return Decision.Refuse(Refusal.Conflict("SignOnlyDrafts", $"The contract is {contract.Status}; only a draft can be signed."));
        }
        var alreadySigned = party == Signer.Customer ? contract.CustomerSignature : contract.DistributorSignature;
        if (alreadySigned is not null)
        {
            return Decision.Refuse(Refusal.Conflict("SignOnce", $"The {party.ToString().ToLowerInvariant()} already signed on {alreadySigned.SignedAt:u}."));
        }
        var decision = party == Signer.Customer
            ? Decision.Append(new SignedByCustomer(contract.Id, signedBy, now))
            : Decision.Append(new CountersignedByDistributor(contract.Id, signedBy, now));
        var otherSigned = party == Signer.Customer ? contract.DistributorSignature : contract.CustomerSignature;
        return otherSigned is null
            ? decision
            : decision.AndPublish(new Contracts.ContractSigned(
                contract.Id, contract.ResellerId, contract.Customer, contract.TermMonths, contract.Lines,
                contract.Monthly, contract.TotalCommission, now, contract.PredecessorId, contract.DevicesDueBy, contract.ContinuesAfter, contract.Role));
    }
}
