using Marten;
using MassTransit;
using WaaS.Contracts;

namespace WaaS.VendorReporting.SellOut;

/// <summary>An extension is reported with the sale it prolongs, once per extension number.</summary>
public sealed class ContractExtendedConsumer(IDocumentSession session, TimeProvider clock) : IConsumer<ContractExtended>
{
    public async Task Consume(ConsumeContext<ContractExtended> context)
    {
        var e = context.Message;
        var stream = await session.Events.FetchForWriting<SellOutReport>(e.ContractId, context.CancellationToken);
        if (stream.Aggregate is not { } report)
        {
            throw new InvalidOperationException($"The sale of {e.ContractId} is not reported yet; retrying.");
        }
        if (report.Extensions.Any(x => x.ExtensionNumber == e.ExtensionNumber))
        {
            return;
        }
        stream.AppendOne(new ExtensionRecorded(e.ContractId, e.ExtensionNumber, e.AddedMonths, e.NewEndDate, clock.GetUtcNow()));
    }
}
