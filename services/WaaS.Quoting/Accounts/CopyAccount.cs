using Marten;
using MassTransit;
using WaaS.Contracts;

namespace WaaS.Quoting.Accounts;

/// <summary>
/// Keeps <see cref="KnownAccount"/> up to date from the Accounts service's <see cref="AccountChanged"/>. Snapshots can
/// arrive out of order (retries, redelivery): one older than or equal to the copy held changes nothing. The document is
/// stored with optimistic concurrency, so two snapshots of one account racing each other end in a retry, not in the
/// older one winning.
/// </summary>
public sealed class CopyAccount(IDocumentSession session) : IConsumer<AccountChanged>
{
    public async Task Consume(ConsumeContext<AccountChanged> context)
    {
        var held = await session.LoadAsync<KnownAccount>(context.Message.AccountId, context.CancellationToken);
        if (Decide(held, context.Message) is { } copy)
        {
            session.Store(copy);
        }
    }

    /// <summary>The copy to keep, or null when the held copy is as new or newer.</summary>
    public static KnownAccount? Decide(KnownAccount? held, AccountChanged changed) =>
        held is not null && held.Version >= changed.Version ? null : KnownAccount.From(changed);
}
