using FluentAssertions;
using WaaS.Contracting.RentalContracts;
using WaaS.Contracting.RentalContracts.Terminating;
using WaaS.Contracts;
using Xunit;

namespace WaaS.Contracting.Tests;

public sealed class EarlyTerminationTests
{
    private static RentalContract ActiveContract(int termMonths, DateOnly start, decimal monthlyNet) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new Customer("Muster GmbH", "DE", "DE1", "ap@x"), termMonths, [],
            new MonthlyAmount(monthlyNet, 0m, monthlyNet), 0m, ContractStatus.Active, null, null, start, start.AddMonths(termMonths).AddDays(-1), [], null, null);

    [Theory]
    [InlineData("2026-01-15", 1)]   // the first month is invoiced on the start day
    [InlineData("2026-02-14", 1)]
    [InlineData("2026-02-15", 2)]
    [InlineData("2027-01-14", 12)]
    [InlineData("2030-01-01", 24)]  // never more than the term
    public void Months_are_invoiced_in_advance_at_the_start_of_each_contract_month(string today, int invoiced) =>
        EarlyTermination.MonthsInvoiced(new DateOnly(2026, 1, 15), 24, DateOnly.Parse(today)).Should().Be(invoiced);

    [Fact]
    public void The_termination_fee_is_the_sum_of_all_monthly_rates_not_yet_invoiced()
    {
        var contract = ActiveContract(36, new DateOnly(2026, 1, 31), 123.45m);

        // 2026-03-31 starts month 3 (Jan 31, Feb 28, Mar 31): 33 rates remain.
        EarlyTermination.FeeFor(contract, new DateOnly(2026, 3, 31)).Should().Be(33 * 123.45m).And.Be(4073.85m);
    }
}
