using WaaS.Contracts;

namespace WaaS.Billing.Schedules;

public static class InstalmentPlan
{
    /// <summary>One instalment per contract month, due in advance on the first day of that month of the term.</summary>
    public static IReadOnlyList<Instalment> For(DateOnly startDate, int termMonths, MonthlyAmount monthly) =>
        [.. Enumerable.Range(0, termMonths).Select(k => new Instalment(k + 1, startDate.AddMonths(k), monthly.Net, monthly.Vat, monthly.Gross))];

    /// <summary>The instalments an extension adds, at the original monthly amount, after the existing ones.</summary>
    public static IReadOnlyList<Instalment> Extension(DateOnly startDate, int monthsSoFar, int addedMonths, MonthlyAmount monthly) =>
        [.. Enumerable.Range(monthsSoFar, addedMonths).Select(k => new Instalment(k + 1, startDate.AddMonths(k), monthly.Net, monthly.Vat, monthly.Gross))];
}
