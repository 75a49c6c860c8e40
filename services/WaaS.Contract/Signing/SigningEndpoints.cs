using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contract.Contracts;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contract.Signing;

public sealed record SignRequest(string? SignedBy);

/// <summary>
/// The customer signs, the distributor countersigns, in either order. When the second signature lands the
/// contract is signed and the deal saga starts (ContractSigned, committed with the signature).
/// </summary>
public static class SigningEndpoints
{
    public static Task<Results<Ok<RentalContract>, ProblemHttpResult>> SignByCustomer(
        Guid id, SignRequest request, IDocumentSession session, IOutbox outbox, IDurableScheduler scheduler, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Sign(id, request, session, outbox, scheduler, clock, http, ct, Party.Customer);

    public static Task<Results<Ok<RentalContract>, ProblemHttpResult>> Countersign(
        Guid id, SignRequest request, IDocumentSession session, IOutbox outbox, IDurableScheduler scheduler, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Sign(id, request, session, outbox, scheduler, clock, http, ct, Party.Distributor);

    private enum Party
    {
        Customer,
        Distributor,
    }

    private static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Sign(
        Guid id, SignRequest request, IDocumentSession session, IOutbox outbox, IDurableScheduler scheduler, TimeProvider clock, HttpContext http, CancellationToken ct, Party party)
    {
        if (string.IsNullOrWhiteSpace(request.SignedBy))
        {
            return Problems.Invalid("signedBy", "Required", "'signedBy' names the person who signed.");
        }
        var now = clock.GetUtcNow();
        return await ContractWrites.Decide(id, session, outbox, scheduler, http, contract => Decide(contract, party, request.SignedBy.Trim(), now), ct);
    }

    private static Decision Decide(RentalContract contract, Party party, string signedBy, DateTimeOffset now)
    {
        if (contract.Status != ContractStatus.Draft)
        {
            return Decision.Refuse(Problems.Conflict("SignOnlyDrafts", $"The contract is {contract.Status}; only a draft can be signed."));
        }
        var alreadySigned = party == Party.Customer ? contract.CustomerSignature : contract.DistributorSignature;
        if (alreadySigned is not null)
        {
            return Decision.Refuse(Problems.Conflict("SignOnce", $"The {party.ToString().ToLowerInvariant()} already signed on {alreadySigned.SignedAt:u}."));
        }

        var decision = party == Party.Customer
            ? Decision.Append(new SignedByCustomer(contract.Id, signedBy, now))
            : Decision.Append(new CountersignedByDistributor(contract.Id, signedBy, now));
        var otherSigned = party == Party.Customer ? contract.DistributorSignature : contract.CustomerSignature;
        return otherSigned is null
            ? decision
            : decision.AndPublish(new ContractSigned(
                contract.Id, contract.ResellerId, contract.Customer, contract.TermMonths, contract.Lines,
                contract.Monthly, contract.TotalCommission, now, contract.PredecessorId, contract.DevicesDueBy, contract.ContinuesAfter));
    }
}
