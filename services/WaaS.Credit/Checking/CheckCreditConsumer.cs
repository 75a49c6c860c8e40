using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Credit.Checking;

public sealed class CheckCreditConsumer(IDocumentSession session, IOutbox outbox, TimeProvider clock) : IConsumer<CheckCredit>
{
    public Task Consume(ConsumeContext<CheckCredit> context)
    {
        var request = context.Message;
        var (decision, reason) = CreditPolicy.Decide(request);
        var now = clock.GetUtcNow();
        session.Events.StartStream<CreditCheck>(request.ContractId,
            new CreditCheckDecided(request.ContractId, request.Customer, request.Exposure, decision, reason, now));
        outbox.Publish<object>(decision switch
        {
            CreditDecision.Approved => new CreditApproved(request.ContractId, request.Exposure, now),
            CreditDecision.Referred => new CreditReferredToManualReview(request.ContractId, request.Exposure, reason!, now),
            _ => new CreditRejected(request.ContractId, reason!, now),
        });
        return Task.CompletedTask;
    }
}
