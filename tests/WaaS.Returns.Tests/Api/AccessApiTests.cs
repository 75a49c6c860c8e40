using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Returns.Tests.Api;

/// <summary>Who reads a return case: the distributor, the owning reseller (and its parent) and the end customer; anyone else finds nothing.</summary>
[Collection(ReturnsCollection.Name)]
public sealed class AccessApiTests(ReturnsApi api)
{
    private readonly HttpClient _operations = api.CreateClient(As.Operations);

    private async Task<(Guid ContractId, Guid CaseId)> OpenedAsync(Guid reseller, Guid? customer = null)
    {
        var contractId = Guid.NewGuid();
        await api.SendAsync(ReturnsApi.ContractEndedQueue, ReturnsApi.Ended(contractId, resellerId: reseller, customerAccount: customer));
        return (contractId, (await ReturnsApi.CasesAsync(_operations, contractId))[0]!.Get<Guid>("id"));
    }

    [Fact]
    public async Task Without_a_token_a_case_answers_401_TokenRequired()
    {
        var (_, id) = await OpenedAsync(Guid.NewGuid());

        var problem = await api.CreateClient().GetAsync($"/return-cases/{id}").ExpectAsync(HttpStatusCode.Unauthorized);

        Http.Rules(problem).Should().Equal(("Authorization", "TokenRequired"));
    }

    [Fact]
    public async Task A_vendor_may_not_read_return_cases()
    {
        var (contractId, _) = await OpenedAsync(Guid.NewGuid());

        var problem = await api.CreateClient(As.Vendor("Lenovo")).GetAsync($"/return-cases?contractId={contractId}").ExpectAsync(HttpStatusCode.Forbidden);

        Http.Rules(problem).Should().Equal(("Authorization", "PartyNotAllowed"));
    }

    [Fact]
    public async Task The_owning_reseller_its_partner_and_the_end_customer_read_the_case_and_the_contracts_list()
    {
        Guid reseller = Guid.NewGuid(), customer = Guid.NewGuid();
        var (contractId, id) = await OpenedAsync(reseller, customer);

        foreach (var caller in new[] { As.Reseller(reseller), As.PartnerOf(reseller), As.Customer(customer), As.Finance })
        {
            var client = api.CreateClient(caller);
            var read = await client.GetAsync($"/return-cases/{id}").ExpectAsync(HttpStatusCode.OK);
            var list = await client.GetAsync($"/return-cases?contractId={contractId}").ExpectAsync(HttpStatusCode.OK);

            read.Get<Guid>("contractId").Should().Be(contractId, "{0} reads the case", caller.Kind);
            read.Get<Guid>("resellerId").Should().Be(reseller);
            read.Get<Guid>("customerId").Should().Be(customer);
            list.AsArray().Select(c => c!.Get<Guid>("id")).Should().Equal(id);
        }
    }

    [Fact]
    public async Task Another_reseller_or_customer_gets_404_and_an_empty_list()
    {
        var (contractId, id) = await OpenedAsync(Guid.NewGuid(), Guid.NewGuid());

        foreach (var caller in new[] { As.Reseller(), As.Customer(), As.SubReseller(Guid.NewGuid()) })
        {
            var client = api.CreateClient(caller);
            var missing = await client.GetAsync($"/return-cases/{id}").ExpectAsync(HttpStatusCode.NotFound);
            var list = await client.GetAsync($"/return-cases?contractId={contractId}").ExpectAsync(HttpStatusCode.OK);

            Http.Rules(missing).Should().Equal(("", "NotFound"));
            missing.ToJsonString().Should().NotContain("SN-");
            list.AsArray().Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_reseller_reads_its_sub_resellers_case_but_the_sub_reseller_not_its_parents()
    {
        Guid parent = Guid.NewGuid(), sub = Guid.NewGuid();
        var (_, subs) = await OpenedAsync(sub);
        var (parentsContract, _) = await OpenedAsync(parent);

        var read = await api.CreateClient(As.Reseller(parent, sub)).GetAsync($"/return-cases/{subs}").ExpectAsync(HttpStatusCode.OK);
        var list = await api.CreateClient(As.SubReseller(parent, sub)).GetAsync($"/return-cases?contractId={parentsContract}").ExpectAsync(HttpStatusCode.OK);

        read.Get<Guid>("resellerId").Should().Be(sub);
        list.AsArray().Should().BeEmpty();
    }
}
