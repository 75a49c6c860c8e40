using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Commission.Recording;

/// <summary>
/// Payday. Exactly once per contract: the inbox drops a redelivered message, and a second RecordCommission
/// for the same contract (a new message id) finds the stream and does nothing.
/// </summary>
public sealed class RecordCommissionConsumer(IDocumentSession session, IOutbox outbox, TimeProvider clock) : IConsumer<RecordCommission>
{
    public async Task Consume(ConsumeContext<RecordCommission> context)
    {
        var command = context.Message;
        if (await session.Events.FetchStreamStateAsync(command.ContractId, context.CancellationToken) is not null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        session.Events.StartStream<ResellerCommission>(command.ContractId,
            new CommissionBecamePayable(command.ContractId, command.ResellerId, command.Amount, command.TermMonths, now));
        outbox.Publish(new CommissionPayable(command.ContractId, command.ResellerId, command.Amount, now));
    }
}
