using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Accounts.Tests.Api;

[Collection(AccountsCollection.Name)]
public sealed class AccountApiTests(AccountsApi api)
{
    private readonly HttpClient _ops = api.CreateClient(As.Operations);

    private async Task<JsonNode> OpenAsync(object request, HttpClient? client = null) =>
        await (client ?? _ops).Post("/accounts", request).ExpectAsync(HttpStatusCode.Created);

    private async Task<Guid> SellingResellerAsync(string name = "Reseller")
    {
        var id = (await OpenAsync(new { kind = "Reseller", name })).Get<Guid>("id");
        await _ops.Post($"/accounts/{id}/agreement", new { signedOn = "2026-02-01", documentReference = "dms://agreements/" + id }).ExpectAsync(HttpStatusCode.OK);
        await _ops.Post($"/accounts/{id}/activate", new { }).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task A_reseller_may_sell_only_once_active_with_its_agreement_on_file_and_each_change_is_published()
    {
        var published = await api.ObserveAsync<AccountChanged>();
        var opened = await OpenAsync(new { kind = "Reseller", name = "Fresh Reseller GmbH" });
        var id = opened.Get<Guid>("id");
        opened.Get<string>("status").Should().Be("Pending");
        opened.Get<bool>("maySell").Should().BeFalse();

        var active = await _ops.Post($"/accounts/{id}/activate", new { }).ExpectAsync(HttpStatusCode.OK);
        active.Get<bool>("maySell").Should().BeFalse("the agreement is not on file yet");
        var filed = await _ops.Post($"/accounts/{id}/agreement", new { signedOn = "2026-02-20", documentReference = "dms://agreements/fresh.pdf" })
            .ExpectAsync(HttpStatusCode.OK);
        filed.Get<bool>("maySell").Should().BeTrue();

        (await published.FirstAsync(m => m.AccountId == id && m.Version == 1)).Message.Should().Match<AccountChanged>(m =>
            m.Kind == AccountKind.Reseller && !m.Active && !m.AgreementOnFile && !m.MaySell && m.Name == "Fresh Reseller GmbH");
        (await published.FirstAsync(m => m.AccountId == id && m.Version == 2)).Message.Should().Match<AccountChanged>(m => m.Active && !m.MaySell);
        (await published.FirstAsync(m => m.AccountId == id && m.Version == 3)).Message.Should().Match<AccountChanged>(m => m.Active && m.AgreementOnFile && m.MaySell);

        var suspended = await _ops.Post($"/accounts/{id}/suspend", new { reason = "Unpaid invoices" }).ExpectAsync(HttpStatusCode.OK);
        suspended.Get<bool>("maySell").Should().BeFalse();
        (await published.FirstAsync(m => m.AccountId == id && m.Version == 4)).Message.MaySell.Should().BeFalse();
    }

    [Fact]
    public async Task A_sub_reseller_sells_only_while_its_parent_may_and_follows_the_parent_when_it_changes()
    {
        var published = await api.ObserveAsync<AccountChanged>();
        var parent = await SellingResellerAsync("Parent Reseller");
        var sub = (await OpenAsync(new { kind = "Reseller", name = "Sub Reseller", parentId = parent })).Get<Guid>("id");
        await _ops.Post($"/accounts/{sub}/agreement", new { signedOn = "2026-02-01", documentReference = "dms://sub.pdf" }).ExpectAsync(HttpStatusCode.OK);
        (await _ops.Post($"/accounts/{sub}/activate", new { }).ExpectAsync(HttpStatusCode.OK)).Get<bool>("maySell").Should().BeTrue();

        await _ops.Post($"/accounts/{parent}/suspend", new { reason = "Agreement under review" }).ExpectAsync(HttpStatusCode.OK);

        var afterSuspension = await _ops.GetAsync($"/accounts/{sub}").ExpectAsync(HttpStatusCode.OK);
        afterSuspension.Get<bool>("maySell").Should().BeFalse("a sub-reseller sells through its parent's account");
        afterSuspension.Get<string>("status").Should().Be("Active", "the sub-reseller itself is not suspended");
        var subChange = (await published.FirstAsync(m => m.AccountId == sub && m.Version == 4)).Message;
        subChange.MaySell.Should().BeFalse();
        subChange.ParentId.Should().Be(parent);

        await _ops.Post($"/accounts/{parent}/activate", new { }).ExpectAsync(HttpStatusCode.OK);
        (await published.FirstAsync(m => m.AccountId == sub && m.Version == 5)).Message.MaySell.Should().BeTrue();
    }

    [Fact]
    public async Task The_agreement_rules_name_themselves()
    {
        var customerOf = await SellingResellerAsync();
        var customer = (await OpenAsync(new { kind = "Customer", name = "Some Customer", parentId = customerOf })).Get<Guid>("id");
        Http.Rules(await _ops.Post($"/accounts/{customer}/agreement", new { signedOn = "2026-02-01", documentReference = "x" })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity)).Should().Equal(("kind", "AgreementIsForResellers"));

        var reseller = (await OpenAsync(new { kind = "Reseller", name = "Future Signer" })).Get<Guid>("id");
        Http.Rules(await _ops.Post($"/accounts/{reseller}/agreement", new { signedOn = "2026-03-03", documentReference = "x" })
            .ExpectAsync(HttpStatusCode.BadRequest)).Should().Equal(("signedOn", "AgreementSignedInFuture"));
        Http.Rules(await _ops.Post($"/accounts/{reseller}/agreement", new { })
            .ExpectAsync(HttpStatusCode.BadRequest)).Should().BeEquivalentTo([("signedOn", "Required"), ("documentReference", "Required")]);

        Http.Rules(await _ops.Post($"/accounts/{customerOf}/activate", new { }).ExpectAsync(HttpStatusCode.Conflict))
            .Should().Equal(("status", "AccountAlreadyActive"));
        await _ops.Post($"/accounts/{Guid.NewGuid()}/activate", new { }).ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_hierarchy_has_one_sub_reseller_tier_customers_belong_to_resellers_and_vendors_stand_beside()
    {
        var reseller = await SellingResellerAsync();
        var sub = (await OpenAsync(new { kind = "Reseller", name = "Sub", parentId = reseller })).Get<Guid>("id");

        Http.Rules(await _ops.Post("/accounts", new { kind = "Reseller", name = "Sub-sub", parentId = sub }).ExpectAsync(HttpStatusCode.UnprocessableEntity))
            .Should().Equal(("parentId", "NoSubSubResellers"));
        Http.Rules(await _ops.Post("/accounts", new { kind = "Customer", name = "Orphan" }).ExpectAsync(HttpStatusCode.BadRequest))
            .Should().Equal(("parentId", "CustomerNeedsReseller"));
        var vendor = await OpenAsync(new { kind = "Vendor", name = "Lenovo", vendorName = "Lenovo" });
        vendor.Get<string>("status").Should().Be("Active");
        Http.Rules(await _ops.Post("/accounts", new { kind = "Customer", name = "Vendor's customer", parentId = vendor.Get<Guid>("id") })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity)).Should().Equal(("parentId", "ParentMustBeReseller"));
        Http.Rules(await _ops.Post("/accounts", new { kind = "Vendor", name = "Nameless" }).ExpectAsync(HttpStatusCode.BadRequest))
            .Should().Equal(("vendorName", "Required"));
        Http.Rules(await _ops.Post("/accounts", new { kind = "Distributor", name = "Second distributor" }).ExpectAsync(HttpStatusCode.BadRequest))
            .Should().Equal(("kind", "DistributorIsNotOpened"));
    }

    [Fact]
    public async Task A_reseller_registers_its_own_customers_and_nothing_else()
    {
        var reseller = await SellingResellerAsync();
        var staff = api.CreateClient(As.Reseller(reseller));

        var customer = await OpenAsync(new { kind = "Customer", name = "Own Customer AG", parentId = reseller }, staff);
        customer.Get<string>("status").Should().Be("Active");
        customer.Get<Guid>("parentId").Should().Be(reseller);

        Http.Rules(await staff.Post("/accounts", new { kind = "Reseller", name = "Self-made reseller" }).ExpectAsync(HttpStatusCode.Forbidden))
            .Single().Rule.Should().Be("ResellerOpensOnlyItsCustomers");
        var other = await SellingResellerAsync("Other");
        Http.Rules(await staff.Post("/accounts", new { kind = "Customer", name = "Poached", parentId = other }).ExpectAsync(HttpStatusCode.Forbidden))
            .Single().Rule.Should().Be("ResellerOpensOnlyItsCustomers");
        Http.Rules(await staff.Post($"/accounts/{reseller}/activate", new { }).ExpectAsync(HttpStatusCode.Forbidden))
            .Single().Rule.Should().Be("PartyNotAllowed");
    }

    [Fact]
    public async Task A_reseller_sees_itself_its_sub_resellers_and_their_customers_and_never_another_resellers_accounts()
    {
        var a = await SellingResellerAsync("Reseller A");
        var aSub = (await OpenAsync(new { kind = "Reseller", name = "A's sub", parentId = a })).Get<Guid>("id");
        var aCustomer = (await OpenAsync(new { kind = "Customer", name = "A's customer", parentId = a })).Get<Guid>("id");
        var subCustomer = (await OpenAsync(new { kind = "Customer", name = "Sub's customer", parentId = aSub })).Get<Guid>("id");
        var b = await SellingResellerAsync("Reseller B");
        var bCustomer = (await OpenAsync(new { kind = "Customer", name = "B's customer", parentId = b })).Get<Guid>("id");

        var asA = api.CreateClient(As.Reseller(a, aSub));
        var asB = api.CreateClient(As.Reseller(b));
        foreach (var own in new[] { a, aSub, aCustomer, subCustomer })
        {
            await asA.GetAsync($"/accounts/{own}").ExpectAsync(HttpStatusCode.OK);
        }
        var notFound = await asB.GetAsync($"/accounts/{a}").ExpectAsync(HttpStatusCode.NotFound);
        notFound.ToJsonString().Should().NotContain("Reseller A");
        await asB.GetAsync($"/accounts/{aCustomer}").ExpectAsync(HttpStatusCode.NotFound);
        await asB.GetAsync($"/accounts/{a}/children").ExpectAsync(HttpStatusCode.NotFound);
        await asB.GetAsync($"/accounts/{a}/audit").ExpectAsync(HttpStatusCode.NotFound);
        await asA.GetAsync($"/accounts/{bCustomer}").ExpectAsync(HttpStatusCode.NotFound);

        var listA = (await asA.GetAsync("/accounts").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(x => x!.Get<Guid>("id")).ToList();
        listA.Should().BeEquivalentTo([a, aSub, aCustomer, subCustomer]);
        var children = (await asA.GetAsync($"/accounts/{a}/children").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(x => x!.Get<Guid>("id"));
        children.Should().BeEquivalentTo([aSub, aCustomer]);

        var tree = (await asA.GetAsync("/accounts/hierarchy").ExpectAsync(HttpStatusCode.OK)).AsArray();
        tree.Should().ContainSingle();
        tree[0]!.Get<Guid>("id").Should().Be(a);
        tree[0]!["children"]!.AsArray().Single(c => c!.Get<Guid>("id") == aSub)!["children"]!.AsArray()
            .Select(c => c!.Get<Guid>("id")).Should().Equal(subCustomer);

        var asSub = api.CreateClient(As.SubReseller(a, aSub));
        await asSub.GetAsync($"/accounts/{a}").ExpectAsync(HttpStatusCode.NotFound);
        await asSub.GetAsync($"/accounts/{subCustomer}").ExpectAsync(HttpStatusCode.OK);

        var asCustomer = api.CreateClient(As.Customer(aCustomer));
        (await asCustomer.GetAsync("/accounts").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(x => x!.Get<Guid>("id")).Should().Equal(aCustomer);
        await asCustomer.GetAsync($"/accounts/{a}").ExpectAsync(HttpStatusCode.NotFound);

        var opsList = (await _ops.GetAsync($"/accounts?parentId={a}").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(x => x!.Get<Guid>("id"));
        opsList.Should().BeEquivalentTo([aSub, aCustomer]);
    }

    [Fact]
    public async Task The_distributor_sees_the_whole_hierarchy_under_its_own_account()
    {
        var reseller = await SellingResellerAsync("Tree Reseller");
        var sub = (await OpenAsync(new { kind = "Reseller", name = "Tree Sub", parentId = reseller })).Get<Guid>("id");

        var tree = (await _ops.GetAsync("/accounts/hierarchy").ExpectAsync(HttpStatusCode.OK)).AsArray();

        tree.Should().ContainSingle();
        tree[0]!.Get<Guid>("id").Should().Be(As.DistributorId);
        var node = tree[0]!["children"]!.AsArray().Single(c => c!.Get<Guid>("id") == reseller)!;
        node["children"]!.AsArray().Select(c => c!.Get<Guid>("id")).Should().Equal(sub);
    }

    [Fact]
    public async Task A_vendor_sees_only_its_own_account()
    {
        var vendor = (await OpenAsync(new { kind = "Vendor", name = "HP Inc.", vendorName = "HP" })).Get<Guid>("id");
        var reseller = await SellingResellerAsync();
        var asVendor = api.CreateClient(As.Vendor("HP", vendor));

        (await asVendor.GetAsync("/accounts").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(x => x!.Get<Guid>("id")).Should().Equal(vendor);
        await asVendor.GetAsync($"/accounts/{reseller}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Calls_without_a_token_are_refused()
    {
        await api.CreateClient().GetAsync("/accounts").ExpectAsync(HttpStatusCode.Unauthorized);
        await api.CreateClient().Post("/accounts", new { kind = "Reseller", name = "x" }).ExpectAsync(HttpStatusCode.Unauthorized);
    }
}
