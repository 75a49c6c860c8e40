using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>A running contract through months of moved time, through the gateway.</summary>
[Collection(SystemCollection.Name)]
public sealed class ContractLifecycleTests(WaaSSystem system)
{
    private readonly DealDriver _deals = new(system);
    private LifecycleDriver Life => new(system, _deals);

    [Fact]
    public async Task Extending_a_12_month_contract_pays_commission_once_more_and_it_ends_at_the_new_end_date()
    {
        var (quote, contract) = await Life.ActiveContractAsync(12, ("NB-TP-E14", 2), ("O365-BE", 2));
        var id = contract["id"]!.GetValue<Guid>();
        var originalEnd = DateOnly.Parse(contract["endDate"]!.GetValue<string>());
        await Life.AdvanceClocksAsync(TimeSpan.FromDays(300));

        (await _deals.DealAsync(id, d => DealDriver.Steps(d).Contains("ContractEndingSoon"))).Should().NotBeNull("the reseller is reminded 90 days ahead");
        var tooLong = await system.Reseller.PostAsJsonAsync($"contract/contracts/{id}/extension", new { months = 27 });
        tooLong.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("ExtensionMayNotExceed36Months");
        var etag = await Life.ETagOfAsync(id);
        var extended = await DealDriver.ExpectAsync(
            await Life.PostWithIfMatchAsync($"contract/contracts/{id}/extension", new { months = 3 }, etag), HttpStatusCode.OK);

        var newEnd = originalEnd.AddMonths(3);
        DateOnly.Parse(extended["endDate"]!.GetValue<string>()).Should().Be(DateOnly.Parse(contract["startDate"]!.GetValue<string>()).AddMonths(15).AddDays(-1));
        newEnd.Should().Be(DateOnly.Parse(extended["endDate"]!.GetValue<string>()));
        var commission = await _deals.EventuallyAsync($"commission/commissions/{id}", c => c["extensions"]!.AsArray().Count == 1);
        commission["extensions"]![0]!["amount"]!.GetValue<decimal>().Should().Be(quote["totalCommission"]!.GetValue<decimal>() * 3 / 12);
        var schedule = await _deals.EventuallyAsync($"billing/schedules/{id}", s => s["instalments"]!.AsArray().Count == 15);
        schedule["instalments"]![14]!["gross"]!.GetValue<decimal>().Should().Be(quote["monthly"]!["gross"]!.GetValue<decimal>(), "original conditions");
        await _deals.EventuallyAsync($"vendor-reporting/sell-outs/{id}", r => r["extensions"]!.AsArray().Count == 1);

        // Past the original end date: still running. Past the new one: ended, no renewal, devices due back.
        await Life.AdvanceClocksAsync(TimeSpan.FromDays(originalEnd.DayNumber - (await Life.TodayAsync()).DayNumber + 2));
        await Task.Delay(1500);
        (await _deals.ContractAsync(id))["status"]!.GetValue<string>().Should().Be("Active");
        await Life.AdvanceClocksAsync(TimeSpan.FromDays(newEnd.DayNumber - (await Life.TodayAsync()).DayNumber + 1));
        var ended = await _deals.ContractAsync(id, c => c["status"]!.GetValue<string>() == "Ended");
        ended["endReason"]!.GetValue<string>().Should().Be("EndOfTerm");
        var returns = await _deals.EventuallyAsync($"returns/return-cases?contractId={id}", r => r.AsArray().Count == 1);
        returns[0]!["returnDeadline"]!.GetValue<string>().Should().Be(newEnd.AddDays(14).ToString("yyyy-MM-dd"));
        var deal = await _deals.DealAsync(id, d => d["state"]!.GetValue<string>() == "Ended" && d["returnCaseId"] is not null);
        // Returns answers the same ContractEnded the saga hears, so those two may arrive either way round.
        DealDriver.Steps(deal).Should().ContainInOrder("ContractActivated", "ContractExtended", "ContractEndOfTerm");

        // Exactly once: still one extension commission after everything settled.
        (await _deals.EventuallyAsync($"commission/commissions/{id}", _ => true))["extensions"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public async Task Ending_early_after_100_days_charges_the_monthly_rates_not_yet_invoiced()
    {
        var (quote, contract) = await Life.ActiveContractAsync(12, ("NB-TP-E14", 1));
        var id = contract["id"]!.GetValue<Guid>();
        await Life.AdvanceClocksAsync(TimeSpan.FromDays(100));

        var purchase = await system.Reseller.PostAsync($"contract/contracts/{id}/purchase", null);
        purchase.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var ended = await DealDriver.ExpectAsync(await system.Reseller.PostAsync($"contract/contracts/{id}/termination", null), HttpStatusCode.OK);

        // Months 1–4 began within 100 days and are invoiced in advance: 8 rates remain.
        ended["terminationFee"]!.GetValue<decimal>().Should().Be(8 * quote["monthly"]!["net"]!.GetValue<decimal>());
        var schedule = await _deals.EventuallyAsync($"billing/schedules/{id}", s => s["terminationFee"] is not null);
        schedule["instalments"]!.AsArray().Should().HaveCount(4);
        await _deals.EventuallyAsync($"returns/return-cases?contractId={id}", r => r.AsArray().Count == 1);
        (await _deals.DealInStateAsync(id, "Ended"))["history"]!.ToJsonString().Should().Contain("termination fee");

        // The end-of-term schedule was dropped with the termination: nothing ends twice.
        await Life.AdvanceClocksAsync(TimeSpan.FromDays(300));
        await Task.Delay(1500);
        (await _deals.EventuallyAsync($"returns/return-cases?contractId={id}", _ => true)).AsArray().Should().HaveCount(1);
        (await _deals.ContractAsync(id))["endReason"]!.GetValue<string>().Should().Be("TerminatedEarly");
    }

    [Fact]
    public async Task Two_conflicting_changes_to_one_contract_one_wins_and_the_other_gets_409()
    {
        var (_, contract) = await Life.ActiveContractAsync(24, ("NB-TP-E14", 1));
        var id = contract["id"]!.GetValue<Guid>();
        var etag = await Life.ETagOfAsync(id);

        var answers = await Task.WhenAll(
            Life.PostWithIfMatchAsync($"contract/contracts/{id}/extension", new { months = 3 }, etag),
            Life.PostWithIfMatchAsync($"contract/contracts/{id}/termination", null, etag));

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        (await loser.Content.ReadAsStringAsync()).Should().Contain("ExpectedVersion");
        var stale = await Life.PostWithIfMatchAsync($"contract/contracts/{id}/extension", new { months = 3 }, etag);
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict, "the version the caller read is gone");
    }
}
