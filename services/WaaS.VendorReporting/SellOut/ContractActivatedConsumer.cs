using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.VendorReporting.SellOut;

public sealed class ContractActivatedConsumer(IDocumentSession session, IOutbox outbox, TimeProvider clock) : IConsumer<ContractActivated>
{
    public Task Consume(ConsumeContext<ContractActivated> context)
    {
        var entries = SellOut.For(context.Message);
        var now = clock.GetUtcNow();
        session.Events.StartStream<SellOutReport>(context.Message.ContractId, new SellOutRecorded(context.Message.ContractId, entries, now));
        outbox.Publish(new SellOutReported(context.Message.ContractId, [.. entries.Select(e => e.Vendor)], now));
        return Task.CompletedTask;
    }
}
