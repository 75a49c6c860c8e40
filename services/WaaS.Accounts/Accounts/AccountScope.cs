using Marten;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Accounts.Accounts;

/// <summary>Which accounts a caller sees, in the query: the distributor all; a reseller itself, its sub-resellers and
/// their and its customers; a customer itself; a vendor itself. Another tenant's account is simply not found.</summary>
public static class AccountScope
{
    public static IQueryable<Account> VisibleAccounts(this IQuerySession session, Caller caller)
    {
        var accounts = session.Query<Account>();
        if (caller.Kind == AccountKind.Vendor)
        {
            var self = caller.TenantId;
            return accounts.Where(a => a.Id == self);
        }
        return accounts.VisibleTo(caller, a => a.ResellerId, a => a.CustomerId);
    }

    public static Task<Account?> LoadVisibleAsync(this IQuerySession session, Caller caller, Guid id, CancellationToken ct) =>
        session.VisibleAccounts(caller).Where(a => a.Id == id).FirstOrDefaultAsync(ct);

    /// <summary>The sub-resellers of <paramref name="resellerId"/> (for the cascade of its selling state).</summary>
    public static async Task<IReadOnlyList<Account>> SubResellersAsync(this IQuerySession session, Guid resellerId, CancellationToken ct) =>
        await session.Query<Account>().Where(a => a.ParentId == resellerId && a.Kind == AccountKind.Reseller).ToListAsync(ct);
}
