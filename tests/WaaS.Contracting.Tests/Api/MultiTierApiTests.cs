using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Contracting.Tests.Api;

/// <summary>DOMAIN.md, Multi-tier accounts: the distributor's view of a reseller's contract is read-only.</summary>
[Collection(ContractingApiCollection.Name)]
public sealed class MultiTierApiTests(ContractingApi api)
{
    [Fact]
    public async Task The_distributor_may_not_extend_terminate_or_link_a_resellers_contract_and_the_reseller_may()
    {
        var reseller = As.Reseller();
        var id = await api.ActiveAsync(reseller);
        var successor = await api.DraftedAsync(reseller.TenantId);
        var before = await api.CreateOperatorClient().GetAsync($"/contracts/{id}").ExpectAsync(HttpStatusCode.OK);

        foreach (var distributor in new[] { api.CreateOperatorClient(), api.CreateClient(As.Finance) })
        {
            var extend = await distributor.Post($"/contracts/{id}/extension", new { months = 3 }).ExpectAsync(HttpStatusCode.Forbidden);
            var terminate = await distributor.PostAsync($"/contracts/{id}/termination", null).ExpectAsync(HttpStatusCode.Forbidden);
            var link = await distributor.Post($"/contracts/{successor}/predecessor", new { predecessorId = id }).ExpectAsync(HttpStatusCode.Forbidden);

            foreach (var refused in new[] { extend, terminate, link })
            {
                refused["rule"]!.GetValue<string>().Should().Be("DistributorMayNotChangeResellersContract");
                refused["detail"]!.GetValue<string>().Should().Contain("reseller's action");
            }
        }
        var after = await api.CreateOperatorClient().GetAsync($"/contracts/{id}").ExpectAsync(HttpStatusCode.OK);
        after.ToJsonString().Should().Be(before.ToJsonString(), "the refused changes changed nothing");
        (await api.StreamAsync(successor)).Should().HaveCount(1, "the successor was not linked");

        var extended = await api.CreateClient(reseller).Post($"/contracts/{id}/extension", new { months = 3 }).ExpectAsync(HttpStatusCode.OK);
        extended.Get<int>("extendedMonths").Should().Be(3, "extending is the reseller's action");
    }

    [Fact]
    public async Task The_distributor_gets_404_not_the_rule_for_a_contract_that_does_not_exist()
    {
        var missing = await api.CreateOperatorClient().Post($"/contracts/{Guid.NewGuid()}/extension", new { months = 3 }).ExpectAsync(HttpStatusCode.NotFound);

        missing["rule"]!.GetValue<string>().Should().Be("NotFound");
    }

    [Fact]
    public async Task Nobody_may_purchase_the_devices()
    {
        var reseller = As.Reseller();
        var account = Guid.NewGuid();
        var id = await api.ActiveAsync(reseller, account);

        foreach (var caller in new[] { As.Operations, reseller, As.Customer(account) })
        {
            var refused = await api.CreateClient(caller).PostAsync($"/contracts/{id}/purchase", null).ExpectAsync(HttpStatusCode.UnprocessableEntity);
            refused["rule"]!.GetValue<string>().Should().Be("NoPurchase");
        }
    }

    [Fact]
    public async Task A_referral_is_carried_from_the_accepted_quote_into_the_contract_and_contract_signed()
    {
        var signed = await api.ObserveAsync<ContractSigned>();
        var reseller = As.Reseller();

        var id = await api.SignedAsync(reseller, role: SalesRole.Referrer);

        (await api.CreateClient(reseller).GetAsync($"/contracts/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("role").Should().Be("Referrer");
        var (message, _) = await signed.FirstAsync(m => m.ContractId == id);
        message.Role.Should().Be(SalesRole.Referrer);
        message.ResellerId.Should().Be(reseller.TenantId);
        (await Eventually.GetAsync(api.CreateClient(reseller), $"/deals/{id}", _ => true, "the deal started")).Get<string>("role").Should().Be("Referrer");
    }
}
