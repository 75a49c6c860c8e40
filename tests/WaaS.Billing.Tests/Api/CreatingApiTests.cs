using System.Net;
using FluentAssertions;
using WaaS.Billing.Tests.Schedules;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Billing.Tests.Api;

/// <summary>Schedules/Creating through billing-contract-activated.</summary>
[Collection(BillingApiCollection.Name)]
public sealed class CreatingApiTests(BillingApi api)
{
    private readonly BillingDriver _billing = new(api);

    [Fact]
    public async Task An_active_contract_gets_its_whole_schedule_and_BillingScheduleCreated_goes_out_correlated_by_the_contract()
    {
        var published = await api.ObserveAsync<BillingScheduleCreated>();
        var contract = Deal.Activated(termMonths: 24);

        await _billing.ActivateAsync(contract);

        var schedule = await _billing.EventuallyAsync(contract.ContractId, _ => true);
        schedule.Get<Guid>("resellerId").Should().Be(contract.ResellerId);
        schedule.Get<string>("customerName").Should().Be("Muster GmbH");
        BillingDriver.Instalments(schedule).Should().Be(24);
        schedule.Get<string>("instalments.0.dueDate").Should().Be(Deal.Start.ToString("yyyy-MM-dd"));
        schedule.Get<string>("instalments.23.dueDate").Should().Be(Deal.Start.AddMonths(23).ToString("yyyy-MM-dd"));
        schedule.Get<decimal>("instalments.23.gross").Should().Be(94.96m);
        schedule.Get<decimal>("totalGross").Should().Be(24 * 94.96m);
        schedule["terminationFee"].Should().BeNull();
        DateTimeOffset.Parse(schedule.Get<string>("createdAt")).Should().Be(api.Clock.GetUtcNow());
        var (message, correlationId) = await published.FirstAsync(m => m.ContractId == contract.ContractId);
        message.Should().Be(new BillingScheduleCreated(contract.ContractId, 24, Deal.Monthly, Deal.Start, api.Clock.GetUtcNow()));
        correlationId.Should().Be(contract.ContractId);
    }

    [Fact]
    public async Task A_redelivered_or_repeated_activation_changes_nothing_and_publishes_nothing_more()
    {
        var published = await api.ObserveAsync<BillingScheduleCreated>();
        var contract = Deal.Activated();
        var messageId = Guid.NewGuid();
        await _billing.ActivateAsync(contract, messageId);
        var first = await _billing.EventuallyAsync(contract.ContractId, _ => true);
        await published.FirstAsync(m => m.ContractId == contract.ContractId);

        await _billing.ActivateAsync(contract, messageId);
        await _billing.ActivateAsync(contract with { TermMonths = 36 });
        await _billing.HandledSoFarAsync(BillingApi.ContractActivatedQueue);

        (await _billing.GetAsync(contract.ContractId)).ToJsonString().Should().Be(first.ToJsonString());
        published.Count(m => m.ContractId == contract.ContractId).Should().Be(1);
    }
}
