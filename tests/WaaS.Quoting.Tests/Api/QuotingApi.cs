using Marten;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Contracts;
using WaaS.Quoting.Accounts;
using WaaS.ServiceDefaults.Security;
using WaaS.Testing;
using Xunit;

namespace WaaS.Quoting.Tests.Api;

/// <summary>
/// Quoting in process, one fixture per test class (each class has its own data and time). Quoting consumes
/// <see cref="AccountChanged"/> on a queue named by the service, so the API classes share one xUnit collection: they
/// run one after another and only one host at a time takes messages from that queue.
/// </summary>
public sealed class QuotingApi : ServiceApi<Program>
{
    /// <summary>The queue AccountChanged arrives on (MassTransit's kebab-case name of <see cref="CopyAccount"/>, prefixed by the service).</summary>
    public const string AccountChangedQueue = "quoting-copy-account";

    /// <summary>Hands quoting an account snapshot, as the Accounts service publishes it, and waits until it was handled.</summary>
    public async Task AccountAsync(AccountChanged account)
    {
        var messageId = Guid.NewGuid();
        await SendAsync(AccountChangedQueue, account, messageId);
        await Eventually.HoldsAsync(async () => await InboxMarkersAsync(messageId) == 1, $"AccountChanged {account.AccountId} v{account.Version} was not handled");
    }

    /// <summary>What quoting holds about an account.</summary>
    public async Task<KnownAccount?> KnownAsync(Guid id)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<KnownAccount>(id);
    }

    /// <summary>Staff of a new reseller that may sell (active, agreement on file), optionally with sub-resellers.</summary>
    public async Task<Caller> SellingResellerAsync(params Guid[] subResellers)
    {
        var caller = As.Reseller(null, subResellers);
        await AccountAsync(Accounts.Reseller(caller.TenantId));
        return caller;
    }
}

/// <summary>The API test classes run one after another (see <see cref="QuotingApi"/>).</summary>
[CollectionDefinition(Name)]
public sealed class QuotingApiCollection
{
    public const string Name = "Quoting API";
}

/// <summary>Account snapshots as the Accounts service publishes them.</summary>
public static class Accounts
{
    public static AccountChanged Reseller(Guid id, bool active = true, bool agreement = true, Guid? parent = null, bool? maySell = null, long version = 1) =>
        new(id, AccountKind.Reseller, $"Reseller {id.ToString()[..8]}", parent, active, agreement, maySell ?? (active && agreement), version,
            DateTimeOffset.UtcNow);

    public static AccountChanged Customer(Guid id, Guid reseller, long version = 1) =>
        new(id, AccountKind.Customer, $"Customer {id.ToString()[..8]}", reseller, true, false, false, version, DateTimeOffset.UtcNow);
}
