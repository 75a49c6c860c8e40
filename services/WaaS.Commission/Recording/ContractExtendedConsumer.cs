using Marten;
using MassTransit;
using WaaS.Contracts;

namespace WaaS.Commission.Recording;

/// <summary>
/// An extension pays commission again, once per extension: the inbox drops a redelivery, and an extension number
/// already on the contract's commission stream is not paid twice.
/// </summary>
public sealed class ContractExtendedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ContractExtended>
{
    public async Task Consume(ConsumeContext<ContractExtended> context)
    {
        var extended = context.Message;
        var stream = await session.Events.FetchForWriting<ResellerCommission>(extended.ContractId, context.CancellationToken);
        if (stream.Aggregate is not { } commission)
        {
            // The payday record comes first; retry until it is there.
            throw new InvalidOperationException($"No commission recorded yet for contract {extended.ContractId}.");
        }
        if (commission.Extensions.Any(e => e.ExtensionNumber == extended.ExtensionNumber))
        {
            return;
        }
        stream.AppendOne(new ExtensionCommissionBecamePayable(
            extended.ContractId, extended.ExtensionNumber, extended.AddedMonths, extended.Commission, clock.GetUtcNow()));
    }
}
