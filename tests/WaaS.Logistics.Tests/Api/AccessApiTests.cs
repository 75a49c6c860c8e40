using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Logistics.Tests.Api;

/// <summary>
/// Who may see and move a shipment: the distributor's operations dispatch, confirm delivery and report failure; the
/// distributor, the owning reseller (and its parent) and the end customer read; anyone else finds nothing.
/// </summary>
[Collection(LogisticsCollection.Name)]
public sealed class AccessApiTests(LogisticsApi api)
{
    private readonly HttpClient _operations = api.CreateClient(As.Operations);

    [Fact]
    public async Task Without_a_token_reading_and_dispatching_answer_401_TokenRequired()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_operations, contractId);
        var anonymous = api.CreateClient();

        var read = await anonymous.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.Unauthorized);
        var dispatch = await anonymous.Post($"/shipments/{id}/dispatch", LogisticsApi.Devices(contractId)).ExpectAsync(HttpStatusCode.Unauthorized);

        Http.Rules(read).Should().Equal(("Authorization", "TokenRequired"));
        Http.Rules(dispatch).Should().Equal(("Authorization", "TokenRequired"));
    }

    [Fact]
    public async Task Only_operations_dispatch_confirm_delivery_or_report_a_failure_and_a_refused_caller_changes_nothing()
    {
        var reseller = Guid.NewGuid();
        var customer = Guid.NewGuid();
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_operations, LogisticsApi.Order(contractId, resellerId: reseller, customerAccount: customer));
        var asReseller = api.CreateClient(As.Reseller(reseller));
        var asCustomer = api.CreateClient(As.Customer(customer));
        var asFinance = api.CreateClient(As.Finance);

        var refused = new[]
        {
            await asReseller.Post($"/shipments/{id}/dispatch", LogisticsApi.Devices(contractId)).ExpectAsync(HttpStatusCode.Forbidden),
            await asReseller.PostAsync($"/shipments/{id}/delivery", null).ExpectAsync(HttpStatusCode.Forbidden),
            await asCustomer.PostAsync($"/shipments/{id}/delivery", null).ExpectAsync(HttpStatusCode.Forbidden),
            await asCustomer.Post($"/shipments/{id}/failure", new { reason = "never came" }).ExpectAsync(HttpStatusCode.Forbidden),
            await asFinance.Post($"/shipments/{id}/dispatch", LogisticsApi.Devices(contractId)).ExpectAsync(HttpStatusCode.Forbidden),
        };

        refused.SelectMany(Http.Rules).Distinct().Should().Equal(("Authorization", "PartyNotAllowed"));
        (await _operations.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Pending");
        (await api.StreamAsync(id)).Should().ContainSingle("only the order is recorded");
    }

    [Fact]
    public async Task The_owning_reseller_and_the_end_customer_read_the_shipment_and_its_contracts_list()
    {
        var reseller = Guid.NewGuid();
        var customer = Guid.NewGuid();
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_operations, LogisticsApi.Order(contractId, resellerId: reseller, customerAccount: customer));
        await _operations.Post($"/shipments/{id}/dispatch", LogisticsApi.Devices(contractId)).ExpectAsync(HttpStatusCode.OK);

        foreach (var caller in new[] { As.Reseller(reseller), As.PartnerOf(reseller), As.Customer(customer), As.Finance })
        {
            var client = api.CreateClient(caller);
            var shipment = await client.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK);
            var list = await client.GetAsync($"/shipments?contractId={contractId}").ExpectAsync(HttpStatusCode.OK);

            shipment.Get<string>("trackingNumber").Should().Be($"TRACK-{contractId:N}", "{0} reads it", caller.Kind);
            shipment.Get<Guid>("resellerId").Should().Be(reseller);
            shipment.Get<Guid>("customerId").Should().Be(customer);
            list.AsArray().Select(s => s!.Get<Guid>("id")).Should().Equal(id);
        }
    }

    [Fact]
    public async Task Another_reseller_or_customer_finds_nothing_neither_the_shipment_nor_it_in_the_contracts_list()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_operations, LogisticsApi.Order(contractId, customerAccount: Guid.NewGuid()));

        foreach (var caller in new[] { As.Reseller(), As.Customer(), As.SubReseller(Guid.NewGuid()) })
        {
            var client = api.CreateClient(caller);
            var missing = await client.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.NotFound);
            var list = await client.GetAsync($"/shipments?contractId={contractId}").ExpectAsync(HttpStatusCode.OK);

            Http.Rules(missing).Should().Equal(("", "NotFound"));
            missing.ToJsonString().Should().NotContain("Voorbeeld");
            list.AsArray().Should().BeEmpty();
        }
    }

    [Fact]
    public async Task A_reseller_reads_its_sub_resellers_shipment_but_the_sub_reseller_not_its_parents()
    {
        Guid parent = Guid.NewGuid(), sub = Guid.NewGuid();
        var subsContract = Guid.NewGuid();
        var parentsContract = Guid.NewGuid();
        var subs = await api.OrderAsync(_operations, LogisticsApi.Order(subsContract, resellerId: sub));
        var parents = await api.OrderAsync(_operations, LogisticsApi.Order(parentsContract, resellerId: parent));

        var read = await api.CreateClient(As.Reseller(parent, sub)).GetAsync($"/shipments/{subs}").ExpectAsync(HttpStatusCode.OK);
        await api.CreateClient(As.SubReseller(parent, sub)).GetAsync($"/shipments/{parents}").ExpectAsync(HttpStatusCode.NotFound);

        read.Get<Guid>("contractId").Should().Be(subsContract);
    }

    [Fact]
    public async Task A_vendor_may_not_read_shipments()
    {
        var id = await api.OrderAsync(_operations, Guid.NewGuid());

        var problem = await api.CreateClient(As.Vendor("Lenovo")).GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.Forbidden);

        Http.Rules(problem).Should().Equal(("Authorization", "PartyNotAllowed"));
    }

    [Fact]
    public async Task A_shipment_ordered_without_a_reseller_is_the_distributors_only()
    {
        var contractId = Guid.NewGuid();
        var id = await api.OrderAsync(_operations, LogisticsApi.Order(contractId) with { ResellerId = null });

        await api.CreateClient(As.Reseller()).GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.NotFound);
        (await _operations.GetAsync($"/shipments/{id}").ExpectAsync(HttpStatusCode.OK)).Get<Guid>("resellerId").Should().Be(Guid.Empty);
    }
}
