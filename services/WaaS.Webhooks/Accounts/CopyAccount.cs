using Marten;
using MassTransit;
using WaaS.Contracts;

namespace WaaS.Webhooks.Accounts;

/// <summary>Keeps <see cref="KnownAccount"/> from the Accounts service's snapshots; an older snapshot changes nothing.</summary>
public sealed class CopyAccount(IDocumentSession session) : IConsumer<AccountChanged>
{
    public async Task Consume(ConsumeContext<AccountChanged> context)
    {
        var held = await session.LoadAsync<KnownAccount>(context.Message.AccountId, context.CancellationToken);
        if (held is null || held.Version < context.Message.Version)
        {
            session.Store(KnownAccount.From(context.Message));
        }
    }
}
