using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Returns.Cases;

public sealed class ContractEndedConsumer(IDocumentSession session, IOutbox outbox, TimeProvider clock) : IConsumer<ContractEnded>
{
    public Task Consume(ConsumeContext<ContractEnded> context)
    {
        var ended = context.Message;
        var caseId = Guid.CreateVersion7();
        var deadline = ended.EndDate.AddDays(ReturnPolicy.ReturnWindowDays);
        var now = clock.GetUtcNow();
        session.Events.StartStream<ReturnCase>(caseId, new ReturnCaseStarted(caseId, ended.ContractId, deadline, ended.Devices, now, ended.SuccessorId, ended.Reason));
        outbox.Publish(new ReturnCaseOpened(caseId, ended.ContractId, deadline, now));
        return Task.CompletedTask;
    }
}
