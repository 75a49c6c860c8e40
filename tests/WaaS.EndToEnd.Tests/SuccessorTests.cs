using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>Follow-up offer and order: the reseller sees the end coming and swaps the devices without a gap.</summary>
[Collection(SystemCollection.Name)]
public sealed class SuccessorTests(WaaSSystem system)
{
    private readonly DealDriver _deals = new(system);
    private LifecycleDriver Life => new(system, _deals);

    [Fact]
    public async Task A_successor_swaps_the_devices_before_the_old_ones_are_due_back_and_services_continue()
    {
        var (_, predecessor) = await Life.ActiveContractAsync(12, ("NB-TP-E14", 1), ("O365-BE", 1));
        var oldId = predecessor["id"]!.GetValue<Guid>();
        var oldEnd = DateOnly.Parse(predecessor["endDate"]!.GetValue<string>());
        await Life.AdvanceClocksAsync(TimeSpan.FromDays(oldEnd.DayNumber - (await Life.TodayAsync()).DayNumber - 40));

        // Step 8: the reseller's list of contracts ending soon.
        var resellerId = predecessor["resellerId"]!.GetValue<Guid>();
        var none = await _deals.EventuallyAsync($"contract/contracts?resellerId={resellerId}&endingWithinDays=30", _ => true);
        none.AsArray().Should().BeEmpty();
        var ending = await _deals.EventuallyAsync($"contract/contracts?resellerId={resellerId}&endingWithinDays=60", _ => true);
        ending.AsArray().Should().ContainSingle(c => c!["contractId"]!.GetValue<Guid>() == oldId);
        (await _deals.EventuallyAsync($"contract/contracts?resellerId={Guid.NewGuid()}&endingWithinDays=60", _ => true)).AsArray()
            .Should().BeEmpty("a reseller sees only its own contracts");

        // Step 9: the follow-up order from a new quote, linked before signing.
        var quote = await Life.FollowUpQuoteAsync(predecessor, 24, ("NB-LAT-5450", 1), ("O365-BE", 1));
        var newId = await _deals.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _deals.ContractAsync(newId);
        var linked = await DealDriver.ExpectAsync(
            await system.Reseller.PostAsJsonAsync($"contract/contracts/{newId}/predecessor", new { predecessorId = oldId }), HttpStatusCode.OK);
        linked["devicesDueBy"]!.GetValue<string>().Should().Be(oldEnd.ToString("yyyy-MM-dd"));
        var again = await system.Reseller.PostAsJsonAsync($"contract/contracts/{newId}/predecessor", new { predecessorId = oldId });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var successor = await Life.ActivateAsync(newId);
        var shipments = await _deals.EventuallyAsync($"logistics/shipments?contractId={newId}", s => s.AsArray().Count == 1);
        shipments[0]!["deliverBy"]!.GetValue<string>().Should().Be(oldEnd.ToString("yyyy-MM-dd"));
        DateOnly.Parse(successor["startDate"]!.GetValue<string>()).Should().Be(oldEnd.AddDays(1), "the successor's term takes over the day after the old one ends");
        var schedule = await _deals.EventuallyAsync($"billing/schedules/{newId}", _ => true);
        schedule["instalments"]![0]!["dueDate"]!.GetValue<string>().Should().Be(oldEnd.AddDays(1).ToString("yyyy-MM-dd"), "no month is billed twice");
        await _deals.DealAsync(oldId, d => d["successorId"]?.GetValue<Guid>() == newId);

        // The old contract ends on its own date; its devices come back as an exchange, the successor runs on.
        await Life.AdvanceClocksAsync(TimeSpan.FromDays(oldEnd.DayNumber - (await Life.TodayAsync()).DayNumber + 1));
        var ended = await _deals.ContractAsync(oldId, c => c["status"]!.GetValue<string>() == "Ended");
        ended["endReason"]!.GetValue<string>().Should().Be("EndOfTerm");
        var returns = await _deals.EventuallyAsync($"returns/return-cases?contractId={oldId}", r => r.AsArray().Count == 1);
        returns[0]!["successorContractId"]!.GetValue<Guid>().Should().Be(newId);
        DateOnly.Parse(returns[0]!["returnDeadline"]!.GetValue<string>()).Should().BeAfter(DateOnly.Parse(successor["startDate"]!.GetValue<string>()));
        (await _deals.ContractAsync(newId))["status"]!.GetValue<string>().Should().Be("Active");
    }
}
