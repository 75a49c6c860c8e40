using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Contracting.Tests.Api;

/// <summary>Who sees which contract and deal (scoped in the query), and which party may do what.</summary>
[Collection(ContractingApiCollection.Name)]
public sealed class ContractTenancyApiTests(ContractingApi api)
{
    [Fact]
    public async Task Reseller_B_gets_404_for_reseller_As_contract_deal_scan_and_audit_and_an_empty_list()
    {
        var a = As.Reseller();
        var id = await api.ActiveAsync(a);
        var b = api.CreateClient(As.Reseller());

        foreach (var path in new[] { $"/contracts/{id}", $"/contracts/{id}/signatures/customer/scan", $"/contracts/{id}/audit", $"/deals/{id}" })
        {
            var missing = await b.GetAsync(path).ExpectAsync(HttpStatusCode.NotFound);
            missing.ToJsonString().Should().NotContain("Muster", $"{path} answers like an unknown contract");
        }
        await b.Post($"/contracts/{id}/extension", new { months = 3 }).ExpectAsync(HttpStatusCode.NotFound);
        await b.PostAsync($"/contracts/{id}/termination", null).ExpectAsync(HttpStatusCode.NotFound);
        await b.PostAsync($"/contracts/{id}/purchase", null).ExpectAsync(HttpStatusCode.NotFound);
        await b.Post($"/contracts/{id}/signatures/customer", new { signedBy = "x" }).ExpectAsync(HttpStatusCode.NotFound);
        (await b.GetAsync("/contracts?endingWithinDays=366").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().BeEmpty();
        (await b.GetAsync($"/contracts?resellerId={a.TenantId}&endingWithinDays=366").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().BeEmpty();

        var own = api.CreateClient(a);
        (await own.GetAsync("/contracts?endingWithinDays=366").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(c => c!.Get<Guid>("contractId"))
            .Should().Equal(id);
        (await Eventually.GetAsync(own, $"/deals/{id}", _ => true, "the owner reads its deal")).Get<Guid>("resellerId").Should().Be(a.TenantId);
    }

    [Fact]
    public async Task A_sub_resellers_contract_and_deal_are_visible_to_its_parent()
    {
        var parentId = Guid.NewGuid();
        var sub = As.SubReseller(parentId);
        var id = await api.SignedAsync(sub);
        var parent = api.CreateClient(As.Reseller(parentId, sub.TenantId));

        (await parent.GetAsync($"/contracts/{id}").ExpectAsync(HttpStatusCode.OK)).Get<Guid>("resellerId").Should().Be(sub.TenantId);
        (await Eventually.GetAsync(parent, $"/deals/{id}", _ => true, "the parent reads its sub-reseller's deal")).Get<Guid>("contractId").Should().Be(id);
        await api.CreateClient(As.Reseller(parentId)).GetAsync($"/contracts/{id}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_customer_sees_and_signs_only_its_own_contract()
    {
        var reseller = As.Reseller();
        var account = Guid.NewGuid();
        var theirs = await api.DraftedAsync(reseller.TenantId, account);
        var notTheirs = await api.DraftedAsync(reseller.TenantId);
        var customer = api.CreateClient(As.Customer(account));

        (await customer.GetAsync($"/contracts/{theirs}").ExpectAsync(HttpStatusCode.OK)).Get<Guid>("customerId").Should().Be(account);
        await customer.GetAsync($"/contracts/{notTheirs}").ExpectAsync(HttpStatusCode.NotFound);
        await api.CreateClient(As.Customer()).GetAsync($"/contracts/{theirs}").ExpectAsync(HttpStatusCode.NotFound);
        await customer.Post($"/contracts/{notTheirs}/signatures/customer", new { signedBy = "Erika" }).ExpectAsync(HttpStatusCode.NotFound);

        var signed = await customer.Post($"/contracts/{theirs}/signatures/customer", new { signedBy = "Erika Muster" }).ExpectAsync(HttpStatusCode.OK);
        signed.Get<string>("customerSignature.signedBy").Should().Be("Erika Muster");
        using var scan = new ByteArrayContent([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x25, 0x25, 0x45, 0x4F, 0x46]);
        scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await customer.PostAsync($"/contracts/{notTheirs}/signatures/customer/scan", scan).ExpectAsync(HttpStatusCode.NotFound);
        (await customer.Post($"/contracts/{theirs}/signatures/distributor", new { signedBy = "Erika" }).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!
            .GetValue<string>().Should().Be("PartyNotAllowed");
        (await customer.Post($"/contracts/{theirs}/extension", new { months = 3 }).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!
            .GetValue<string>().Should().Be("PartyNotAllowed");
    }

    [Fact]
    public async Task Countersigning_cancelling_reshipping_and_the_operations_list_are_the_distributors()
    {
        var reseller = As.Reseller();
        var id = await api.DraftedAsync(reseller.TenantId);
        var client = api.CreateClient(reseller);

        (await client.Post($"/contracts/{id}/signatures/distributor", new { signedBy = "me" }).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!
            .GetValue<string>().Should().Be("PartyNotAllowed");
        (await client.Post($"/deals/{id}/cancellation", new { reason = "changed my mind" }).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!
            .GetValue<string>().Should().Be("PartyNotAllowed");
        (await client.PostAsync($"/deals/{id}/reshipment", null).ExpectAsync(HttpStatusCode.Forbidden))["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        (await client.GetAsync("/deals/operations").ExpectAsync(HttpStatusCode.Forbidden))["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed");
        (await api.CreateClient(As.Finance).Post($"/contracts/{id}/signatures/distributor", new { signedBy = "fin" }).ExpectAsync(HttpStatusCode.Forbidden))
            ["rule"]!.GetValue<string>().Should().Be("PartyNotAllowed", "countersigning is operations' task");
        await api.CreateOperatorClient().GetAsync("/deals/operations").ExpectAsync(HttpStatusCode.OK);
        (await api.CreateClient().GetAsync($"/contracts/{id}").ExpectAsync(HttpStatusCode.Unauthorized))["rule"]!.GetValue<string>().Should().Be("TokenRequired");
        (await api.CreateOperatorClient().GetAsync($"/contracts/{id}").ExpectAsync(HttpStatusCode.OK))["distributorSignature"].Should().BeNull("nothing was signed");
    }
}
