using WaaS.VendorReporting.SellOuts;
using WaaS.VendorReporting.SellOuts.Reporting;

namespace WaaS.VendorReporting.Tests.SellOuts;

/// <summary>Apart from the messages: the internal SellOutReported shares its name with the integration message.</summary>
public static partial class Deal
{
    /// <summary>The report of <paramref name="contractId"/> after its sale and <paramref name="events"/> (folded as Marten folds them).</summary>
    public static SellOutReport Given(Guid contractId, params ExtensionRecorded[] events) =>
        events.Aggregate(
            SellOutReport.Create(new SellOutReported(contractId, ReportSellOut.Entries(Activated(contractId)), Now)),
            (report, e) => report.Apply(e));
}
