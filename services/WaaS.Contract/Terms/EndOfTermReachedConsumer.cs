using Marten;
using MassTransit;
using WaaS.Contract.Contracts;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Contract.Terms;

/// <summary>The end date passed: the contract ends and its devices are due back (or exchanged, with a successor).</summary>
public sealed class EndOfTermReachedConsumer(IDocumentSession session, IOutbox outbox, TimeProvider clock) : IConsumer<EndOfTermReached>
{
    public async Task Consume(ConsumeContext<EndOfTermReached> context)
    {
        var stream = await session.Events.FetchForWriting<RentalContract>(context.Message.ContractId, context.CancellationToken);
        var now = clock.GetUtcNow();
        // Terminated meanwhile, or extended (the moved schedule fires later): nothing to do now.
        if (stream.Aggregate is not { } contract || !EndOfTerm.HasEnded(contract, DateOnly.FromDateTime(now.UtcDateTime)))
        {
            return;
        }
        stream.AppendOne(new TermExpired(contract.Id, contract.EndDate!.Value, now));
        outbox.Publish(new ContractEnded(contract.Id, contract.ResellerId, ContractEndReason.EndOfTerm, contract.EndDate.Value, 0m,
            contract.Devices, now, contract.SuccessorId));
    }
}
