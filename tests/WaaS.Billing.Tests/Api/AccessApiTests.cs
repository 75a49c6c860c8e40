using System.Net;
using FluentAssertions;
using WaaS.Billing.Tests.Schedules;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Billing.Tests.Api;

/// <summary>Who reads a schedule: the distributor, the owning reseller (and its parent) and the end customer; anyone else finds nothing.</summary>
[Collection(BillingApiCollection.Name)]
public sealed class AccessApiTests(BillingApi api)
{
    private readonly BillingDriver _billing = new(api);

    /// <summary>An active contract of <paramref name="reseller"/> for the customer account <paramref name="customer"/>.</summary>
    private async Task<Guid> ScheduledAsync(Guid reseller, Guid? customer = null)
    {
        var contract = Deal.Activated();
        contract = contract with { ResellerId = reseller, Customer = contract.Customer with { AccountId = customer } };
        await _billing.ActiveAsync(contract);
        return contract.ContractId;
    }

    [Fact]
    public async Task Without_a_token_a_schedule_answers_401_TokenRequired()
    {
        var id = await ScheduledAsync(Guid.NewGuid());

        var problem = await api.CreateClient().GetAsync($"/schedules/{id}").ExpectAsync(HttpStatusCode.Unauthorized);

        Http.Rules(problem).Should().Equal(("Authorization", "TokenRequired"));
    }

    [Fact]
    public async Task A_vendor_may_not_read_a_schedule()
    {
        var id = await ScheduledAsync(Guid.NewGuid());

        var problem = await api.CreateClient(As.Vendor("Dell")).GetAsync($"/schedules/{id}").ExpectAsync(HttpStatusCode.Forbidden);

        Http.Rules(problem).Should().Equal(("Authorization", "PartyNotAllowed"));
    }

    [Fact]
    public async Task The_owning_reseller_its_partner_and_the_end_customer_read_the_schedule()
    {
        Guid reseller = Guid.NewGuid(), customer = Guid.NewGuid();
        var id = await ScheduledAsync(reseller, customer);
        var asDistributor = await _billing.GetAsync(id);

        foreach (var caller in new[] { As.Reseller(reseller), As.PartnerOf(reseller), As.Customer(customer) })
        {
            var schedule = await api.CreateClient(caller).GetAsync($"/schedules/{id}").ExpectAsync(HttpStatusCode.OK);

            schedule.ToJsonString().Should().Be(asDistributor.ToJsonString(), "{0} reads the same schedule", caller.Kind);
        }
        asDistributor.Get<Guid>("resellerId").Should().Be(reseller);
        asDistributor.Get<Guid>("customerId").Should().Be(customer);
    }

    [Fact]
    public async Task Another_reseller_or_customer_gets_404_like_for_an_unknown_schedule()
    {
        var id = await ScheduledAsync(Guid.NewGuid(), Guid.NewGuid());

        foreach (var caller in new[] { As.Reseller(), As.Customer(), As.SubReseller(Guid.NewGuid()) })
        {
            var problem = await api.CreateClient(caller).GetAsync($"/schedules/{id}").ExpectAsync(HttpStatusCode.NotFound);

            problem.Get<string>("rule").Should().Be("NotFound");
            problem.ToJsonString().Should().NotContain("Muster");
        }
    }

    [Fact]
    public async Task A_reseller_reads_its_sub_resellers_schedule_but_the_sub_reseller_not_its_parents()
    {
        Guid parent = Guid.NewGuid(), sub = Guid.NewGuid();
        var subs = await ScheduledAsync(sub);
        var parents = await ScheduledAsync(parent);

        var read = await api.CreateClient(As.Reseller(parent, sub)).GetAsync($"/schedules/{subs}").ExpectAsync(HttpStatusCode.OK);
        await api.CreateClient(As.SubReseller(parent, sub)).GetAsync($"/schedules/{parents}").ExpectAsync(HttpStatusCode.NotFound);

        read.Get<Guid>("resellerId").Should().Be(sub);
    }

    [Fact]
    public async Task A_customer_without_an_account_on_the_contract_sees_nothing_of_it()
    {
        var reseller = Guid.NewGuid();
        var id = await ScheduledAsync(reseller, customer: null);

        await api.CreateClient(As.Customer()).GetAsync($"/schedules/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await api.CreateClient(As.Reseller(reseller)).GetAsync($"/schedules/{id}").ExpectAsync(HttpStatusCode.OK);
    }
}
