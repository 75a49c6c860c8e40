using WaaS.Contracts;

namespace WaaS.Billing.Tests.Schedules;

/// <summary>The integration messages billing hears, and schedules given by their events (folded as Marten folds them).</summary>
public static partial class Deal
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Start = new(2026, 3, 5);
    public static readonly MonthlyAmount Monthly = new(79.80m, 15.16m, 94.96m);

    public static ContractActivated Activated(Guid? contractId = null, int termMonths = 12) => new(
        contractId ?? Guid.NewGuid(), Guid.NewGuid(), new Customer("Muster GmbH", "DE", null, "ap@muster.example"), termMonths,
        Start, Start.AddMonths(termMonths).AddDays(-1), Monthly,
        [new DealLine("NB-LAT-5450", "Notebook", "Dell", ItemKind.Device, 2, 39.90m, 240m)],
        [new ShippedDevice("NB-LAT-5450", "SN-1"), new ShippedDevice("NB-LAT-5450", "SN-2")], Now);

    /// <summary>Extension <paramref name="number"/> of 3 months each, so the term after it is 12 + 3 × number.</summary>
    public static ContractExtended Extended(Guid contractId, int number, int baseTerm = 12) => new(
        contractId, Guid.NewGuid(), number, 3, baseTerm + (3 * number),
        Start.AddMonths(baseTerm + (3 * (number - 1))).AddDays(-1), Start.AddMonths(baseTerm + (3 * number)).AddDays(-1), Monthly, 60m, Now);

    public static ContractEnded Ended(Guid contractId, ContractEndReason reason, DateOnly endDate, decimal fee) =>
        new(contractId, Guid.NewGuid(), reason, endDate, fee, [], Now);
}
