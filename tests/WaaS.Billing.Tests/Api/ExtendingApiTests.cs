using System.Net;
using FluentAssertions;
using WaaS.Billing.Tests.Schedules;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Billing.Tests.Api;

/// <summary>Schedules/Extending through billing-contract-extended.</summary>
[Collection(BillingApiCollection.Name)]
public sealed class ExtendingApiTests(BillingApi api)
{
    private readonly BillingDriver _billing = new(api);

    [Fact]
    public async Task An_extension_adds_instalments_at_the_original_amount_once_however_often_it_arrives()
    {
        var contract = Deal.Activated();
        await _billing.ActiveAsync(contract);
        var extension = Deal.Extended(contract.ContractId, 1) with { Monthly = new MonthlyAmount(1m, 0.19m, 1.19m) };
        var messageId = Guid.NewGuid();

        await _billing.ExtendAsync(extension, messageId);
        await _billing.ExtendAsync(extension, messageId);
        await _billing.ExtendAsync(extension);
        await _billing.HandledSoFarAsync(BillingApi.ContractExtendedQueue);

        var schedule = await _billing.GetAsync(contract.ContractId);
        BillingDriver.Instalments(schedule).Should().Be(15);
        schedule.Get<int>("instalments.14.number").Should().Be(15);
        schedule.Get<string>("instalments.12.dueDate").Should().Be(Deal.Start.AddMonths(12).ToString("yyyy-MM-dd"));
        schedule.Get<decimal>("instalments.14.gross").Should().Be(1.19m, "the extension message carries the monthly amount");
    }

    [Fact]
    public async Task An_extension_that_arrives_before_the_schedule_is_retried_until_the_schedule_is_there()
    {
        var contract = Deal.Activated();

        await _billing.ExtendAsync(Deal.Extended(contract.ContractId, 1));
        await _billing.ActivateAsync(contract);

        var schedule = await _billing.EventuallyAsync(contract.ContractId, s => BillingDriver.Instalments(s) == 15);
        schedule.Get<string>("instalments.14.dueDate").Should().Be(Deal.Start.AddMonths(14).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task A_second_extension_that_overtakes_the_first_waits_for_it_and_the_instalments_stay_in_order()
    {
        var contract = Deal.Activated();
        await _billing.ActiveAsync(contract);

        await _billing.ExtendAsync(Deal.Extended(contract.ContractId, 2));
        await _billing.ExtendAsync(Deal.Extended(contract.ContractId, 1));

        var schedule = await _billing.EventuallyAsync(contract.ContractId, s => BillingDriver.Instalments(s) == 18);
        schedule["instalments"]!.AsArray().Select(i => i!.Get<int>("number")).Should().Equal(Enumerable.Range(1, 18));
        schedule["instalments"]!.AsArray().Select(i => i!.Get<string>("dueDate")).Should()
            .Equal(Enumerable.Range(0, 18).Select(k => Deal.Start.AddMonths(k).ToString("yyyy-MM-dd")));
    }

    [Fact]
    public async Task An_extension_after_an_early_close_is_refused_with_ClosedScheduleCannotBeExtended_and_stores_nothing()
    {
        var contract = Deal.Activated();
        await _billing.ActiveAsync(contract);
        await _billing.EndAsync(Deal.Ended(contract.ContractId, ContractEndReason.TerminatedEarly, Deal.Start.AddDays(100), 638.40m));
        var closed = await _billing.EventuallyAsync(contract.ContractId, s => s["terminationFee"] is not null);

        await _billing.ExtendAsync(Deal.Extended(contract.ContractId, 1));

        await Eventually.HoldsAsync(() => Task.FromResult(api.Warnings.Any(w => w.Contains("ClosedScheduleCannotBeExtended", StringComparison.Ordinal)
            && w.Contains(contract.ContractId.ToString(), StringComparison.Ordinal))), "the refusal was not logged");
        (await _billing.GetAsync(contract.ContractId)).ToJsonString().Should().Be(closed.ToJsonString());
    }
}
