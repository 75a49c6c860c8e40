using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.VendorReporting.SellOuts.Extending;

/// <summary>An extension is reported with the sale it prolongs, once per extension number.</summary>
public static class RecordExtension
{
    public static Decision Decide(SellOutReport? report, ContractExtended extension, DateTimeOffset now)
    {
        if (report is null)
        {
            return Decision.NotYet($"The sale of {extension.ContractId} is not reported yet.");
        }
        if (report.Extensions.Any(x => x.ExtensionNumber == extension.ExtensionNumber))
        {
            return Decision.Nothing;
        }
        return Decision.Append(new ExtensionRecorded(
            extension.ContractId, extension.ExtensionNumber, extension.AddedMonths, extension.NewEndDate, now));
    }
}

public sealed class ContractExtendedConsumer(TimeProvider clock) : IConsumer<ContractExtended>
{
    public Task Consume(ConsumeContext<ContractExtended> context) =>
        context.DecideAsync<SellOutReport>(context.Message.ContractId,
            report => RecordExtension.Decide(report, context.Message, clock.GetUtcNow()));
}
