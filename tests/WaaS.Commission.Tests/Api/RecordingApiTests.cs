using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Commission.Tests.Api;

/// <summary>RecordCommission arrives on the service's queue: payday is readable and announced, exactly once.</summary>
[Collection(CommissionApiCollection.Name)]
public sealed class RecordingApiTests(CommissionApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Finance);

    private Task<JsonNode> RecordedAsync(Guid contractId) =>
        Eventually.GetAsync(_client, $"/commissions/{contractId}", _ => true, $"commission {contractId} is recorded");

    [Fact]
    public async Task Payday_is_readable_and_CommissionPayable_carries_the_contract_as_correlation_id()
    {
        var announced = await api.ObserveAsync<Contracts.CommissionPayable>();
        var command = new RecordCommission(Guid.NewGuid(), Guid.NewGuid(), 480m, 24);
        var now = api.Clock.GetUtcNow();

        await api.SendAsync(CommissionApi.RecordCommissionQueue, command);

        var commission = await RecordedAsync(command.ContractId);
        commission.Get<Guid>("resellerId").Should().Be(command.ResellerId);
        commission.Get<decimal>("amount").Should().Be(480m);
        commission.Get<int>("termMonths").Should().Be(24);
        commission.Get<string>("status").Should().Be("Payable");
        commission.Get<decimal>("totalPayable").Should().Be(480m);
        commission["extensions"]!.AsArray().Should().BeEmpty();
        var (payable, correlationId) = await announced.FirstAsync(m => m.ContractId == command.ContractId);
        payable.Should().Be(new Contracts.CommissionPayable(command.ContractId, command.ResellerId, 480m, now));
        correlationId.Should().Be(command.ContractId);
    }

    [Fact]
    public async Task A_redelivered_or_replayed_RecordCommission_changes_nothing_and_the_first_recording_stands()
    {
        var announced = await api.ObserveAsync<Contracts.CommissionPayable>();
        var command = new RecordCommission(Guid.NewGuid(), Guid.NewGuid(), 144m, 24);
        Guid redelivered = Guid.NewGuid(), replayed = Guid.NewGuid();

        await api.SendAsync(CommissionApi.RecordCommissionQueue, command, redelivered);
        await api.SendAsync(CommissionApi.RecordCommissionQueue, command, redelivered);
        await RecordedAsync(command.ContractId);
        await api.SendAsync(CommissionApi.RecordCommissionQueue, command with { Amount = 999m }, replayed);
        // Refused by CommissionOncePerContract, yet handled: its inbox marker commits, it does not land in the error queue.
        await Eventually.HoldsAsync(async () => await api.InboxMarkersAsync(replayed) == 1, "the replay is handled");

        (await RecordedAsync(command.ContractId)).Get<decimal>("amount").Should().Be(144m);
        (await api.StreamAsync(command.ContractId)).Should().ContainSingle().Which.Should().BeOfType<WaaS.Commission.Commissions.CommissionPayable>();
        (await api.InboxMarkersAsync(redelivered)).Should().Be(1);
        announced.Count(m => m.ContractId == command.ContractId).Should().Be(1);
    }

    [Fact]
    public async Task A_reseller_lists_only_its_own_commissions_earliest_payable_first()
    {
        var reseller = Guid.NewGuid();
        var first = new RecordCommission(Guid.NewGuid(), reseller, 100m, 12);
        var second = new RecordCommission(Guid.NewGuid(), reseller, 200m, 36);
        var someoneElses = new RecordCommission(Guid.NewGuid(), Guid.NewGuid(), 300m, 24);
        await api.SendAsync(CommissionApi.RecordCommissionQueue, first);
        await api.SendAsync(CommissionApi.RecordCommissionQueue, someoneElses);
        await RecordedAsync(first.ContractId);
        await RecordedAsync(someoneElses.ContractId);
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        await api.SendAsync(CommissionApi.RecordCommissionQueue, second);
        await RecordedAsync(second.ContractId);

        var list = await _client.GetAsync($"/commissions?resellerId={reseller}").ExpectAsync(HttpStatusCode.OK);

        list.AsArray().Select(c => c!.Get<Guid>("id")).Should().Equal(first.ContractId, second.ContractId);
    }

    [Fact]
    public async Task Listing_without_a_reseller_is_refused_with_resellerId_Required()
    {
        var problem = await _client.GetAsync("/commissions").ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Equal(("resellerId", "Required"));
    }

    [Fact]
    public async Task An_unknown_commission_is_not_found()
    {
        var problem = await _client.GetAsync($"/commissions/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);

        problem.Get<string>("title").Should().Be("Commission not found.");
    }
}
