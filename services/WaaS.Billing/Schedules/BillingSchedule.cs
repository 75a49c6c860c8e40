using WaaS.Contracts;

namespace WaaS.Billing.Schedules;

/// <summary>The monthly instalments of one contract (stream id = contract id), debited by SEPA B2B direct debit.</summary>
public sealed record BillingSchedule(Guid Id, Guid ResellerId, string CustomerName, MonthlyAmount Monthly, IReadOnlyList<Instalment> Instalments, DateTimeOffset CreatedAt)
{
    public decimal TotalGross => Instalments.Sum(i => i.Gross);

    public static BillingSchedule Create(BillingScheduleDrawnUp e) =>
        new(e.ContractId, e.ResellerId, e.CustomerName, e.Monthly, e.Instalments, e.DrawnUpAt);
}

public sealed record Instalment(int Number, DateOnly DueDate, decimal Net, decimal Vat, decimal Gross);

public sealed record BillingScheduleDrawnUp(Guid ContractId, Guid ResellerId, string CustomerName, MonthlyAmount Monthly, IReadOnlyList<Instalment> Instalments, DateTimeOffset DrawnUpAt);

public static class InstalmentPlan
{
    /// <summary>One instalment per contract month, due in advance on the first day of that month of the term.</summary>
    public static IReadOnlyList<Instalment> For(DateOnly startDate, int termMonths, MonthlyAmount monthly) =>
        [.. Enumerable.Range(0, termMonths).Select(k => new Instalment(k + 1, startDate.AddMonths(k), monthly.Net, monthly.Vat, monthly.Gross))];
}
