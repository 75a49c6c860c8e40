using Marten;
using MassTransit;
using WaaS.Contract.Contracts;
using WaaS.Contracts;

namespace WaaS.Contract.Activating;

/// <summary>The saga decided the contract runs: record it on the contract's own stream.</summary>
public sealed class ContractActivatedConsumer(IDocumentSession session) : IConsumer<ContractActivated>
{
    public Task Consume(ConsumeContext<ContractActivated> context)
    {
        var e = context.Message;
        session.Events.Append(e.ContractId, new ContractWentLive(e.ContractId, e.StartDate, e.EndDate, e.Devices, e.ActivatedAt));
        return Task.CompletedTask;
    }
}

/// <summary>Credit was refused: the signed contract never comes about.</summary>
public sealed class DealRejectedConsumer(IDocumentSession session) : IConsumer<DealRejected>
{
    public Task Consume(ConsumeContext<DealRejected> context)
    {
        var e = context.Message;
        session.Events.Append(e.ContractId, new ContractVoided(e.ContractId, e.Reason, e.RejectedAt));
        return Task.CompletedTask;
    }
}
