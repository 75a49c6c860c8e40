using WaaS.Contracts;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Accounts.Accounts;

/// <summary>The hierarchy and lifecycle rules of accounts (DOMAIN.md, Multi-tier accounts and Partners).</summary>
public static class AccountRules
{
    /// <summary>The distributor is one account, seeded; nobody opens another.</summary>
    public static Refusal? DistributorIsNotOpened(AccountKind kind) => kind == AccountKind.Distributor
        ? Refusal.Invalid("kind", "DistributorIsNotOpened", "There is one distributor; open a reseller, customer or vendor.")
        : null;

    /// <summary>A reseller's staff registers its own end customers (or its sub-resellers'), nothing else.</summary>
    public static Refusal? ResellerOpensOnlyItsCustomers(Caller caller, AccountKind kind, Guid? parentId) =>
        caller.IsDistributor || (caller.Kind == AccountKind.Reseller && kind == AccountKind.Customer && parentId is { } p && caller.ResellerScope.Contains(p))
            ? null
            : Refusal.Forbidden("ResellerOpensOnlyItsCustomers",
                "A reseller registers only its own end customers (parentId = the reseller or one of its sub-resellers); the distributor opens resellers, sub-resellers and vendors.");

    /// <summary>A customer belongs to a reseller (or sub-reseller); a sub-reseller's parent is a top-level reseller
    /// (the hierarchy has one sub-reseller tier); resellers without a parent and vendors stand on their own.</summary>
    public static Refusal? ParentFitsTheHierarchy(AccountKind kind, Guid? parentId, Account? parent) => (kind, parentId, parent) switch
    {
        (AccountKind.Customer, null, _) => Refusal.Invalid("parentId", "CustomerNeedsReseller", "An end customer belongs to a reseller: 'parentId' is required."),
        (AccountKind.Vendor, not null, _) => Refusal.Invalid("parentId", "VendorHasNoParent", "A vendor stands beside the hierarchy: leave 'parentId' out."),
        (_, not null, null) => Refusal.Broken("ParentNotFound", $"No account with id '{parentId}' to open this account under.", "parentId"),
        (AccountKind.Customer or AccountKind.Reseller, not null, { Kind: not AccountKind.Reseller }) =>
            Refusal.Broken("ParentMustBeReseller", $"The parent '{parent.Name}' is a {parent.Kind.ToString().ToLowerInvariant()}, not a reseller.", "parentId"),
        (AccountKind.Reseller, not null, { IsSubReseller: true }) =>
            Refusal.Broken("NoSubSubResellers", $"'{parent.Name}' is itself a sub-reseller; a sub-reseller's parent is a top-level reseller.", "parentId"),
        _ => null,
    };

    /// <summary>Only a reseller (or sub-reseller) signs a reseller agreement.</summary>
    public static Refusal? AgreementIsForResellers(Account account) => account.Kind == AccountKind.Reseller ? null
        : Refusal.Broken("AgreementIsForResellers", $"The account is a {account.Kind.ToString().ToLowerInvariant()}; only resellers sign a reseller agreement.", "kind");

    /// <summary>An agreement on file was signed already: not in the future.</summary>
    public static Refusal? AgreementSignedNotInFuture(DateOnly signedOn, DateOnly today) => signedOn <= today ? null
        : Refusal.Invalid("signedOn", "AgreementSignedInFuture", $"The agreement cannot be signed after today ({today:yyyy-MM-dd}).");

    public static Refusal? NotAlreadyActive(Account account) => account.Status == AccountStatus.Active
        ? Refusal.Conflict("AccountAlreadyActive", "The account is already active.", "status")
        : null;

    public static Refusal? OnlyActiveCanBeSuspended(Account account) => account.Status == AccountStatus.Active ? null
        : Refusal.Conflict("OnlyActiveAccountCanBeSuspended", $"The account is {account.Status.ToString().ToLowerInvariant()}, not active.", "status");

    public static Refusal? DistributorIsNeverSuspended(Account account) => account.Kind == AccountKind.Distributor
        ? Refusal.Broken("DistributorIsNeverSuspended", "The distributor's own account cannot be suspended.", "kind")
        : null;
}

/// <summary>How an accepted change of an account is recorded: its events, its new state published for the other
/// services, and — when it changes whether the account may sell — each sub-reseller's new state too (they sell through
/// it), recorded on their own streams so their version moves on and copies elsewhere take the new snapshot.</summary>
public static class AccountChanges
{
    public static Decision Record(Account account, IReadOnlyList<Account> subResellers, DateTimeOffset now, params object[] events)
    {
        var after = account.After(events);
        var decision = Decision.Append(events).AndPublish(after.ToMessage());
        if (after.MaySell == account.MaySell)
        {
            return decision;
        }
        foreach (var sub in subResellers.Where(s => s.ParentId == account.Id && s.ParentMaySell != after.MaySell))
        {
            var change = new ParentSellingChanged(sub.Id, account.Id, after.MaySell, now);
            decision = decision.AndAppend(sub.Id, sub.Version, change).AndPublish(sub.After([change]).ToMessage());
        }
        return decision;
    }
}
