

namespace WaaS.Contracting.RentalContracts.Terminating;

/// <summary>
/// Early termination is allowed, at the full contract value: the fee is the sum of all monthly rates not yet
/// invoiced (DOMAIN.md; the Dutch FAQ's rule wins). Rates are invoiced in advance at the start of each
/// contract month, so the month in which the customer terminates is already invoiced. Extended months count as term.
/// </summary>
public static class EarlyTermination
{
    public static int MonthsInvoiced(DateOnly startDate, int termMonths, DateOnly today)
    {
        var invoiced = 0;
        while (invoiced < termMonths && startDate.AddMonths(invoiced) <= today)
        {
            invoiced++;
        }
        return invoiced;
    }

    /// <summary>The net fee in EUR: remaining monthly net rates.</summary>
    public static decimal FeeFor(RentalContract contract, DateOnly today) =>
        (contract.TotalTermMonths - MonthsInvoiced(contract.StartDate!.Value, contract.TotalTermMonths, today)) * contract.Monthly.Net;
}
