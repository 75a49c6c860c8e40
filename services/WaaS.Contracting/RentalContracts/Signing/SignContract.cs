using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Signing;

public sealed record SignRequest(string? SignedBy);

public enum Party
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
    public static Task<Results<Ok<RentalContract>, ProblemHttpResult>> ByCustomer(
        Guid id, SignRequest request, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Handle(id, request, Party.Customer, clock, http, ct);

    public static Task<Results<Ok<RentalContract>, ProblemHttpResult>> ByDistributor(
        Guid id, SignRequest request, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Handle(id, request, Party.Distributor, clock, http, ct);

    private static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Handle(
        Guid id, SignRequest request, Party party, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.SignedBy))
        {
            return Problems.Invalid("signedBy", "Required", "'signedBy' names the person who signed.");
        }
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (RentalContract contract) => Decide(contract, party, request.SignedBy.Trim(), now), ct);
    }

    public static Decision Decide(RentalContract contract, Party party, string signedBy, DateTimeOffset now)
    {
        if (contract.Status != ContractStatus.Draft)
        {
            return Decision.Refuse(Refusal.Conflict("SignOnlyDrafts", $"The contract is {contract.Status}; only a draft can be signed."));
        }
        var alreadySigned = party == Party.Customer ? contract.CustomerSignature : contract.DistributorSignature;
        if (alreadySigned is not null)
        {
            return Decision.Refuse(Refusal.Conflict("SignOnce", $"The {party.ToString().ToLowerInvariant()} already signed on {alreadySigned.SignedAt:u}."));
        }
        var decision = party == Party.Customer
            ? Decision.Append(new SignedByCustomer(contract.Id, signedBy, now))
            : Decision.Append(new CountersignedByDistributor(contract.Id, signedBy, now));
        var otherSigned = party == Party.Customer ? contract.DistributorSignature : contract.CustomerSignature;
        return otherSigned is null
            ? decision
            : decision.AndPublish(new Contracts.ContractSigned(
                contract.Id, contract.ResellerId, contract.Customer, contract.TermMonths, contract.Lines,
                contract.Monthly, contract.TotalCommission, now, contract.PredecessorId, contract.DevicesDueBy, contract.ContinuesAfter));
    }
}
