using WaaS.Contracts;

namespace WaaS.Billing.Schedules;

/// <summary>The monthly instalments of one contract (stream id = contract id), debited by SEPA B2B direct debit.</summary>
public sealed record BillingSchedule(Guid Id, Guid ResellerId, string CustomerName, MonthlyAmount Monthly, IReadOnlyList<Instalment> Instalments, DateTimeOffset CreatedAt)
{
    public decimal TotalGross => Instalments.Sum(i => i.Gross);

    /// <summary>Net fee billed once when the contract ended early (the rates not yet invoiced).</summary>
    public decimal? TerminationFee { get; init; }

    public static BillingSchedule Create(BillingScheduleDrawnUp e) =>
        new(e.ContractId, e.ResellerId, e.CustomerName, e.Monthly, e.Instalments, e.DrawnUpAt);

    public BillingSchedule Apply(ScheduleExtended e) => this with { Instalments = [.. Instalments, .. e.Added] };

    /// <summary>Early termination: the instalments after the last day are replaced by the one-off fee.</summary>
    public BillingSchedule Apply(ScheduleClosedEarly e) =>
        this with { Instalments = [.. Instalments.Where(i => i.DueDate <= e.EndDate)], TerminationFee = e.TerminationFee };
}

public sealed record ScheduleExtended(Guid ContractId, int ExtensionNumber, IReadOnlyList<Instalment> Added, DateTimeOffset ExtendedAt);

public sealed record ScheduleClosedEarly(Guid ContractId, DateOnly EndDate, decimal TerminationFee, DateTimeOffset ClosedAt);

public sealed record Instalment(int Number, DateOnly DueDate, decimal Net, decimal Vat, decimal Gross);

public sealed record BillingScheduleDrawnUp(Guid ContractId, Guid ResellerId, string CustomerName, MonthlyAmount Monthly, IReadOnlyList<Instalment> Instalments, DateTimeOffset DrawnUpAt);

public static class InstalmentPlan
{
    /// <summary>One instalment per contract month, due in advance on the first day of that month of the term.</summary>
    public static IReadOnlyList<Instalment> For(DateOnly startDate, int termMonths, MonthlyAmount monthly) =>
        [.. Enumerable.Range(0, termMonths).Select(k => new Instalment(k + 1, startDate.AddMonths(k), monthly.Net, monthly.Vat, monthly.Gross))];

    /// <summary>The instalments an extension adds, at the original monthly amount, after the existing ones.</summary>
    public static IReadOnlyList<Instalment> Extension(DateOnly startDate, int monthsSoFar, int addedMonths, MonthlyAmount monthly) =>
        [.. Enumerable.Range(monthsSoFar, addedMonths).Select(k => new Instalment(k + 1, startDate.AddMonths(k), monthly.Net, monthly.Vat, monthly.Gross))];
}
