using Marten;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Accounts;

/// <summary>The accounts a quote write decides with: the selling reseller, its parent (a sub-reseller's), the customer's account.</summary>
public sealed record Sellers(KnownAccount? Reseller, KnownAccount? Parent, KnownAccount? CustomerAccount)
{
    public static async Task<Sellers> LoadAsync(IQuerySession session, Guid resellerId, Guid? customerAccountId, CancellationToken ct)
    {
        var reseller = await session.LoadAsync<KnownAccount>(resellerId, ct);
        var parent = reseller?.ParentId is { } parentId ? await session.LoadAsync<KnownAccount>(parentId, ct) : null;
        var customer = customerAccountId is { } c ? await session.LoadAsync<KnownAccount>(c, ct) : null;
        return new Sellers(reseller, parent, customer);
    }
}

/// <summary>
/// DOMAIN.md step 1: an active reseller with a signed reseller agreement may sell; a sub-reseller sells through its
/// parent's account, so the parent must be able to sell too. Decided on quoting's local copy of the accounts.
/// </summary>
public static class SellingRules
{
    public const string ResellerMayNotSell = "ResellerMayNotSell";
    public const string CustomerAccountOfReseller = "CustomerAccountOfReseller";

    /// <summary>Why <paramref name="resellerId"/> may not quote, or null when it may.</summary>
    public static Refusal? MaySell(Guid resellerId, Sellers accounts)
    {
        var reseller = accounts.Reseller;
        string? why = reseller switch
        {
            null => $"Unknown reseller: account {resellerId} is not registered (or not yet known to quoting).",
            { Kind: not AccountKind.Reseller } => $"Account {resellerId} is a {reseller.Kind.ToString().ToLowerInvariant()}, not a reseller.",
            { Active: false } => $"Inactive: reseller '{reseller.Name}' is not active.",
            { AgreementOnFile: false } => $"No agreement: the reseller agreement of '{reseller.Name}' is not on file.",
            { ParentId: { } parentId } when accounts.Parent is not { Active: true, AgreementOnFile: true, MaySell: true } =>
                $"Parent may not sell: sub-reseller '{reseller.Name}' sells through its parent {accounts.Parent?.Name ?? parentId.ToString()}, " +
                "which is not active with its reseller agreement on file.",
            { MaySell: false } => $"May not sell: the Accounts service says '{reseller.Name}' may not sell.",
            _ => null,
        };
        return why is null ? null : Refusal.Broken(ResellerMayNotSell, why, "reseller");
    }

    /// <summary>A quote's customer account, when named, is an end-customer account of the selling reseller.</summary>
    public static Refusal? CustomerAccountBelongsToReseller(Guid resellerId, Guid? customerAccountId, Sellers accounts) =>
        customerAccountId is not { } id || accounts.CustomerAccount is { Kind: AccountKind.Customer } customer && customer.ParentId == resellerId
            ? null
            : Refusal.Broken(CustomerAccountOfReseller,
                $"Account {id} is not an end-customer account of this reseller; register the customer under the reseller first.",
                "customer.accountId");
}
