using FluentAssertions;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using Xunit;

namespace WaaS.Contract.Tests;

public sealed class DealCorrelationTests
{
    [Fact]
    public void A_message_about_a_deal_is_correlated_by_its_contract_id()
    {
        var contractId = Guid.NewGuid();

        DealCorrelation.Of(new CreditApproved(contractId, 720m, DateTimeOffset.UnixEpoch)).Should().Be(contractId);
        DealCorrelation.Of(new ShipmentDelivered(Guid.NewGuid(), contractId, DateTimeOffset.UnixEpoch)).Should().Be(contractId, "the shipment id is not the deal");
    }

    [Fact]
    public void A_message_without_a_contract_id_has_no_correlation()
    {
        DealCorrelation.Of(new { QuoteId = Guid.NewGuid() }).Should().BeNull();
        DealCorrelation.Of(new { ContractId = "not a guid" }).Should().BeNull();
    }
}
