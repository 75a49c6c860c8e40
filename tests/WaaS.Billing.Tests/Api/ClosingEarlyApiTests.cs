using System.Net;
using FluentAssertions;
using WaaS.Billing.Tests.Schedules;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Billing.Tests.Api;

/// <summary>Schedules/ClosingEarly through billing-contract-ended.</summary>
[Collection(BillingApiCollection.Name)]
public sealed class ClosingEarlyApiTests(BillingApi api)
{
    private readonly BillingDriver _billing = new(api);

    [Fact]
    public async Task Ending_early_replaces_the_remaining_instalments_by_the_termination_fee_once()
    {
        var contract = Deal.Activated();
        await _billing.ActiveAsync(contract);
        var ended = Deal.Ended(contract.ContractId, ContractEndReason.TerminatedEarly, Deal.Start.AddDays(100), 638.40m);
        var messageId = Guid.NewGuid();

        await _billing.EndAsync(ended, messageId);
        var closed = await _billing.EventuallyAsync(contract.ContractId, s => s["terminationFee"] is not null);
        await _billing.EndAsync(ended, messageId);
        await _billing.EndAsync(ended with { EndDate = Deal.Start.AddDays(10), TerminationFee = 1m });
        await _billing.HandledSoFarAsync(BillingApi.ContractEndedQueue);

        closed.Get<decimal>("terminationFee").Should().Be(638.40m);
        BillingDriver.Instalments(closed).Should().Be(4);
        (await _billing.GetAsync(contract.ContractId)).ToJsonString().Should().Be(closed.ToJsonString());
    }

    [Fact]
    public async Task The_end_of_the_term_leaves_the_schedule_as_it_is()
    {
        var contract = Deal.Activated();
        var active = await _billing.ActiveAsync(contract);

        await _billing.EndAsync(Deal.Ended(contract.ContractId, ContractEndReason.EndOfTerm, contract.EndDate, 0m));
        await _billing.HandledSoFarAsync(BillingApi.ContractEndedQueue);

        (await _billing.GetAsync(contract.ContractId)).ToJsonString().Should().Be(active.ToJsonString());
    }
}
