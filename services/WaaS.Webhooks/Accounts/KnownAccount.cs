using Marten;
using WaaS.Contracts;

namespace WaaS.Webhooks.Accounts;

/// <summary>Webhooks' copy of an account (from <see cref="AccountChanged"/>): enough to walk from a reseller up to its parents.</summary>
public sealed record KnownAccount(Guid Id, AccountKind Kind, string Name, Guid? ParentId, long Version)
{
    public static KnownAccount From(AccountChanged e) => new(e.AccountId, e.Kind, e.Name, e.ParentId, e.Version);

    /// <summary>
    /// <paramref name="resellerId"/> and the resellers above it: a subscription of any of them covers the reseller's
    /// events. Bounded, so a cycle in bad data cannot loop.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ChainAsync(IQuerySession session, Guid resellerId, CancellationToken ct)
    {
        var chain = new List<Guid> { resellerId };
        var current = resellerId;
        for (var depth = 0; depth < 8; depth++)
        {
            var account = await session.LoadAsync<KnownAccount>(current, ct);
            if (account is not { Kind: AccountKind.Reseller, ParentId: { } parent } || chain.Contains(parent))
            {
                break;
            }
            chain.Add(parent);
            current = parent;
        }
        return chain;
    }
}
