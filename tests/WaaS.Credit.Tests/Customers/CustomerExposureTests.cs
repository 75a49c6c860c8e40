using FluentAssertions;
using WaaS.Contracts;
using WaaS.Credit.Customers;
using WaaS.Credit.Tests.Checks;
using Xunit;

namespace WaaS.Credit.Tests.Customers;

/// <summary>The customer's exposure as each event changes it, and the key that identifies the customer.</summary>
public sealed class CustomerExposureTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private static readonly DateOnly Start = new(2026, 3, 1);

    private static ContractActivated Activated(Guid id, decimal monthlyNet = 1_000m, int months = 12) =>
        new(id, Guid.NewGuid(), Given.Customer(), months, Start, Start.AddMonths(months).AddDays(-1), new MonthlyAmount(monthlyNet, monthlyNet * 0.19m, monthlyNet * 1.19m),
            [], [], Now);

    [Theory]
    [InlineData("2026-03-01", 12)]
    [InlineData("2026-03-02", 11)]
    [InlineData("2027-02-01", 1)]
    [InlineData("2027-02-02", 0)]
    public void An_active_contract_counts_its_rates_due_from_today_on(string today, int rates)
    {
        var exposure = new CustomerExposure();
        var id = Guid.NewGuid();
        exposure.Activated(Activated(id), Now);

        exposure.Items.Single().RatesFrom(DateOnly.Parse(today)).Should().Be(rates);
        exposure.Total(DateOnly.Parse(today)).Should().Be(rates * 1_000m);
    }

    [Fact]
    public void An_approved_deal_counts_in_full_until_activation_replaces_it_with_the_rates_to_come()
    {
        var exposure = new CustomerExposure();
        var id = Guid.NewGuid();

        exposure.Deal(id, 12_000m, 12, Now);
        exposure.Total(Start).Should().Be(12_000m);

        exposure.Activated(Activated(id, 1_000m), Now);
        exposure.Items.Should().ContainSingle().Which.Kind.Should().Be(ExposureKind.Active);
        exposure.Total(new DateOnly(2026, 9, 1)).Should().Be(6_000m);
    }

    [Fact]
    public void An_extension_adds_the_rates_up_to_the_new_end()
    {
        var exposure = new CustomerExposure();
        var id = Guid.NewGuid();
        exposure.Activated(Activated(id), Now);
        var end = Start.AddMonths(12).AddDays(-1);

        exposure.Extended(new ContractExtended(id, Guid.NewGuid(), 1, 6, 18, end, end.AddMonths(6), new MonthlyAmount(1_000m, 190m, 1_190m), 0m, Now), Now);

        exposure.Total(Start).Should().Be(18_000m);
    }

    [Fact]
    public void An_early_termination_replaces_the_rates_with_the_termination_fee_and_an_end_of_term_leaves_nothing()
    {
        var exposure = new CustomerExposure();
        Guid terminated = Guid.NewGuid(), ended = Guid.NewGuid();
        exposure.Activated(Activated(terminated), Now);
        exposure.Activated(Activated(ended), Now);

        exposure.Ended(terminated, 4_500m, Now);
        exposure.Ended(ended, 0m, Now);

        exposure.Items.Should().ContainSingle().Which.Should().Be(new ExposureItem(terminated, ExposureKind.TerminationFee, 4_500m));
        exposure.Total(Start).Should().Be(4_500m);
    }

    [Fact]
    public void A_rejected_or_cancelled_deal_no_longer_counts()
    {
        var exposure = new CustomerExposure();
        Guid rejected = Guid.NewGuid(), cancelled = Guid.NewGuid(), kept = Guid.NewGuid();
        exposure.Deal(rejected, 10_000m, 36, Now);
        exposure.Deal(cancelled, 20_000m, 36, Now);
        exposure.Deal(kept, 5_000m, 36, Now);

        exposure.Voided(rejected, Now);
        exposure.Voided(cancelled, Now);

        exposure.Total(Start).Should().Be(5_000m);
    }

    [Fact]
    public void A_returned_debit_is_overdue_and_puts_the_customer_in_dunning_until_cleared()
    {
        var exposure = new CustomerExposure();
        exposure.Deal(Guid.NewGuid(), 5_000m, 36, Now);

        exposure.DebitReturned(1_190m, Now.AddDays(-1), Now);
        exposure.DebitReturned(1_190m, Now, Now);

        exposure.InDunning.Should().BeTrue();
        exposure.InDunningSince.Should().Be(Now.AddDays(-1));
        exposure.Total(Start).Should().Be(7_380m);
        exposure.DunningCleared(Now);
        exposure.InDunning.Should().BeFalse();
        exposure.Total(Start).Should().Be(5_000m);
    }

    [Fact]
    public void The_total_may_leave_out_the_contract_being_checked()
    {
        var exposure = new CustomerExposure();
        var id = Guid.NewGuid();
        exposure.Deal(id, 5_000m, 36, Now);
        exposure.Deal(Guid.NewGuid(), 7_000m, 36, Now);

        exposure.Total(Start, excluding: id).Should().Be(7_000m);
    }

    [Fact]
    public void A_stored_report_is_fresh_for_90_days()
    {
        var exposure = new CustomerExposure();
        exposure.Reported(new WaaS.Credit.Bureau.BureauReport(70, 210_000m, false, "R"), Now);

        exposure.FreshReport(Now.AddDays(90), WaaS.Credit.Checks.Checking.CreditPolicy.StoredReportValidFor).Should().NotBeNull();
        exposure.FreshReport(Now.AddDays(91), WaaS.Credit.Checks.Checking.CreditPolicy.StoredReportValidFor).Should().BeNull();
    }

    [Theory]
    [InlineData("de 123 456 789", null, "Muster GmbH", "DE", "vat:DE123456789")]
    [InlineData(null, "5b7c3f0e-0000-4000-8000-000000000001", "Muster GmbH", "DE", "account:5b7c3f0e-0000-4000-8000-000000000001")]
    [InlineData(" ", null, "  Muster   GmbH. ", "de", "name:DE:muster gmbh")]
    [InlineData(null, null, "Bäckerei Klein & Söhne", "DE", "name:DE:bäckerei klein söhne")]
    public void A_customer_is_keyed_by_VAT_id_else_account_else_name_and_country(string? vatId, string? account, string name, string country, string key)
    {
        var customer = new Customer(name, country, vatId, "ap@x.example", AccountId: account is null ? null : Guid.Parse(account));

        CustomerKey.Of(customer).Should().Be(key);
    }
}
