using FluentAssertions;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Contracting.Deals;
using WaaS.Contracts;
using Xunit;

namespace WaaS.Contracting.Tests;

/// <summary>Messages about a deal carry its contract id as CorrelationId by MassTransit's convention, not by reflection.</summary>
public sealed class DealCorrelationTests
{
    [Fact]
    public async Task A_message_about_a_deal_is_correlated_by_its_contract_id()
    {
        DealCorrelation.Declare();
        DealDeadlines.DeclareCorrelation();
        await using var provider = new ServiceCollection().AddMassTransitTestHarness(_ => { }).BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var contractId = Guid.NewGuid();
        var predecessorId = Guid.NewGuid();

        await harness.Bus.Publish(new CreditApproved(contractId, 720m, DateTimeOffset.UnixEpoch));
        await harness.Bus.Publish(new ShipmentDelivered(Guid.NewGuid(), contractId, DateTimeOffset.UnixEpoch));
        await harness.Bus.Publish(new SuccessorLinked(predecessorId, contractId, Guid.NewGuid(), default, default, default, DateTimeOffset.UnixEpoch));
        await harness.Bus.Publish(new DeliveryDue(contractId, DateTimeOffset.UnixEpoch));

        (await harness.Published.SelectAsync<CreditApproved>().First()).Context.CorrelationId.Should().Be(contractId);
        (await harness.Published.SelectAsync<ShipmentDelivered>().First()).Context.CorrelationId.Should().Be(contractId, "the shipment id is not the deal");
        (await harness.Published.SelectAsync<SuccessorLinked>().First()).Context.CorrelationId.Should().Be(predecessorId, "a successor link is news of the predecessor's deal");
        (await harness.Published.SelectAsync<DeliveryDue>().First()).Context.CorrelationId.Should().Be(contractId, "internal deadlines are correlated too");
    }
}
