using WaaS.Commission.Commissions;

namespace WaaS.Commission.Tests.Commissions;

/// <summary>A commission folded from its events, as the inline snapshot folds it, and the messages that drive it.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Payday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static ResellerCommission Commission(Guid contractId, decimal amount = 480m, params ExtensionCommissionPayable[] extensions)
    {
        var commission = ResellerCommission.Create(new CommissionPayable(contractId, Guid.NewGuid(), amount, 12, Payday));
        return extensions.Aggregate(commission, (c, e) => c.Apply(e));
    }

    public static Contracts.ContractExtended Extended(Guid contractId, int extensionNumber, decimal commission = 120m) =>
        new(contractId, Guid.NewGuid(), extensionNumber, 12, 12 + (12 * extensionNumber), new DateOnly(2027, 3, 1), new DateOnly(2028, 3, 1),
            new Contracts.MonthlyAmount(79.80m, 15.16m, 94.96m), commission, Payday.AddYears(1));
}
