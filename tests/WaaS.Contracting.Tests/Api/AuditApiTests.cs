using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Contracting.Tests.Api;

/// <summary>GET /contracts/{id}/audit: the contract's events in order, for the distributor and the owning reseller.</summary>
[Collection(ContractingApiCollection.Name)]
public sealed class AuditApiTests(ContractingApi api)
{
    [Fact]
    public async Task The_audit_lists_the_contracts_events_in_order_for_the_distributor_and_the_owning_reseller()
    {
        var reseller = As.Reseller();
        var id = await api.ActiveAsync(reseller);
        await api.CreateClient(reseller).Post($"/contracts/{id}/extension", new { months = 3 }).ExpectAsync(HttpStatusCode.OK);

        var audit = await api.CreateOperatorClient().GetAsync($"/contracts/{id}/audit").ExpectAsync(HttpStatusCode.OK);

        audit.AsArray().Select(e => e!.Get<string>("what")).Should().Equal(
            "contract_drafted", "signed_by_customer", "countersigned_by_distributor", "contract_activated", "contract_extended");
        audit.AsArray().Select(e => e!.Get<long>("version")).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        var owners = await api.CreateClient(reseller).GetAsync($"/contracts/{id}/audit").ExpectAsync(HttpStatusCode.OK);
        owners.ToJsonString().Should().Be(audit.ToJsonString());
        await api.CreateClient(As.Reseller()).GetAsync($"/contracts/{id}/audit").ExpectAsync(HttpStatusCode.NotFound);
        (await api.CreateClient(As.Customer()).GetAsync($"/contracts/{id}/audit").ExpectAsync(HttpStatusCode.Forbidden))["rule"]!
            .GetValue<string>().Should().Be("PartyNotAllowed");
    }
}
