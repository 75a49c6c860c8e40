using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Accounts.Accounts.Reading;

/// <summary>One node of the hierarchy as the caller sees it.</summary>
public sealed record AccountNode(Guid Id, AccountKind Kind, string Name, AccountStatus Status, bool AgreementOnFile, bool MaySell, IReadOnlyList<AccountNode> Children);

/// <summary>Reads accounts, scoped in the query (<see cref="AccountScope"/>): another tenant's account answers 404.</summary>
public static class AccountQueries
{
    public static async Task<Results<Ok<Account>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadVisibleAsync(caller, id, ct) is not { } account)
        {
            return Problems.NotFound("Account", id);
        }
        http.Response.Headers.ETag = ETag.From(account.Version);
        return TypedResults.Ok(account);
    }

    /// <summary>The accounts the caller sees, by name; optionally only one kind, or only the direct children of one account.</summary>
    public static async Task<Ok<IReadOnlyList<Account>>> List(AccountKind? kind, Guid? parentId, Caller caller, IQuerySession session, CancellationToken ct)
    {
        var query = session.VisibleAccounts(caller);
        if (kind is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }
        if (parentId is { } p)
        {
            query = query.Where(a => a.ParentId == p);
        }
        return TypedResults.Ok<IReadOnlyList<Account>>(await query.OrderBy(a => a.Name).ToListAsync(ct));
    }

    /// <summary>The direct children of an account the caller sees (a reseller's sub-resellers and customers).</summary>
    public static async Task<Results<Ok<IReadOnlyList<Account>>, ProblemHttpResult>> Children(Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadVisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Account", id);
        }
        var children = await session.VisibleAccounts(caller).Where(a => a.ParentId == id).OrderBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<Account>>(children);
    }

    /// <summary>The hierarchy the caller sees, as trees: the distributor's whole book; a reseller its own branch.</summary>
    public static async Task<Ok<IReadOnlyList<AccountNode>>> Hierarchy(Caller caller, IQuerySession session, CancellationToken ct)
    {
        var visible = await session.VisibleAccounts(caller).OrderBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok(Tree(visible));
    }

    /// <summary>Roots are the accounts whose parent the caller does not see; for the distributor, the resellers and
    /// vendors hang under the distributor's own account.</summary>
    public static IReadOnlyList<AccountNode> Tree(IReadOnlyList<Account> visible)
    {
        var ids = visible.Select(a => a.Id).ToHashSet();
        var distributor = visible.FirstOrDefault(a => a.Kind == AccountKind.Distributor);
        Guid? ParentOf(Account a) => a.ParentId is { } p && ids.Contains(p) ? p
            : a.Kind != AccountKind.Distributor && distributor is not null ? distributor.Id
            : null;
        var byParent = visible.Where(a => ParentOf(a) is not null).ToLookup(a => ParentOf(a)!.Value);
        AccountNode Node(Account a) => new(a.Id, a.Kind, a.Name, a.Status, a.AgreementOnFile, a.MaySell, [.. byParent[a.Id].Select(Node)]);
        return [.. visible.Where(a => ParentOf(a) is null).Select(Node)];
    }
}
