using WaaS.Contracts;

namespace WaaS.Billing.Schedules;

/// <summary>
/// The monthly instalments of one contract (stream id = contract id), debited by SEPA B2B direct debit. Owned by
/// <see cref="ResellerId"/>; <see cref="CustomerId"/> is the end customer's account when known.
/// </summary>
public sealed record BillingSchedule(Guid Id, Guid ResellerId, string CustomerName, MonthlyAmount Monthly, IReadOnlyList<Instalment> Instalments, DateTimeOffset CreatedAt)
{
    public decimal TotalGross => Instalments.Sum(i => i.Gross);

    /// <summary>Net fee billed once when the contract ended early (the rates not yet invoiced).</summary>
    public decimal? TerminationFee { get; init; }

    public Guid? CustomerId { get; init; }

    public static BillingSchedule Create(BillingScheduleCreated e) =>
        new(e.ContractId, e.ResellerId, e.CustomerName, e.Monthly, e.Instalments, e.CreatedAt) { CustomerId = e.CustomerId };

    public BillingSchedule Apply(ScheduleExtended e) => this with { Instalments = [.. Instalments, .. e.Added] };

    /// <summary>Early termination: the instalments after the last day are replaced by the one-off fee.</summary>
    public BillingSchedule Apply(ScheduleClosedEarly e) =>
        this with { Instalments = [.. Instalments.Where(i => i.DueDate <= e.EndDate)], TerminationFee = e.TerminationFee };
}

public sealed record Instalment(int Number, DateOnly DueDate, decimal Net, decimal Vat, decimal Gross);
