using Marten;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts;

/// <summary>
/// Tenancy for contracts, in the query: the distributor sees every contract, a reseller its own and its sub-resellers',
/// a customer those made out to its account. Another tenant's contract answers 404 like an unknown one.
/// </summary>
public static class ContractAccess
{
    public static IQueryable<RentalContract> Visible(this IQuerySession session, Caller caller) =>
        session.Query<RentalContract>().VisibleTo(caller, c => c.ResellerId, c => c.CustomerId);

    /// <summary>The contract <paramref name="id"/> if <paramref name="caller"/> may see it; null otherwise (answer 404).</summary>
    public static Task<RentalContract?> VisibleAsync(this IQuerySession session, Caller caller, Guid id, CancellationToken ct) =>
        session.Visible(caller).Where(c => c.Id == id).FirstOrDefaultAsync(ct);
}

/// <summary>DOMAIN.md, Multi-tier accounts: who may change a reseller's contract.</summary>
public static class ContractRules
{
    public const string DistributorMayNotChangeResellersContract = nameof(DistributorMayNotChangeResellersContract);

    /// <summary>
    /// The distributor's view of a reseller's contract is read-only for the mirrored fields: extending, terminating,
    /// linking a successor (and any other change of term, quantity or status) are the reseller's actions on the
    /// customer's behalf. The distributor may read it, invoice the reseller and annotate the contract.
    /// </summary>
    public static Refusal? OnlyTheResellerChangesItsContract(Caller caller, string change) => caller.IsDistributor
        ? Refusal.Forbidden(DistributorMayNotChangeResellersContract,
            $"The distributor may not {change} a reseller's contract: that is the reseller's action on its customer's behalf. " +
            "The distributor may read the contract and attach annotations (contacts, tasks, events, documents, cases).")
        : null;
}
