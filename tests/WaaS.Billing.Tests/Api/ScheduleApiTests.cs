using System.Net;
using FluentAssertions;
using WaaS.Billing.Tests.Schedules;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Billing.Tests.Api;

[Collection(BillingApiCollection.Name)]
public sealed class ScheduleApiTests(BillingApi api)
{
    private readonly BillingDriver _billing = new(api);

    private static int Count(System.Text.Json.Nodes.JsonNode schedule) => schedule["instalments"]!.AsArray().Count;

    [Fact]
    public async Task An_active_contract_gets_its_whole_schedule_and_BillingScheduleCreated_goes_out_correlated_by_the_contract()
    {
        var published = await api.ObserveAsync<BillingScheduleCreated>();
        var contract = Deal.Activated(termMonths: 24);

        await _billing.ActivateAsync(contract);

        var schedule = await _billing.EventuallyAsync(contract.ContractId, _ => true);
        schedule.Get<Guid>("resellerId").Should().Be(contract.ResellerId);
        schedule.Get<string>("customerName").Should().Be("Muster GmbH");
        Count(schedule).Should().Be(24);
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
        Count(schedule).Should().Be(15);
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

        var schedule = await _billing.EventuallyAsync(contract.ContractId, s => Count(s) == 15);
        schedule.Get<string>("instalments.14.dueDate").Should().Be(Deal.Start.AddMonths(14).ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task A_second_extension_that_overtakes_the_first_waits_for_it_and_the_instalments_stay_in_order()
    {
        var contract = Deal.Activated();
        await _billing.ActiveAsync(contract);

        await _billing.ExtendAsync(Deal.Extended(contract.ContractId, 2));
        await _billing.ExtendAsync(Deal.Extended(contract.ContractId, 1));

        var schedule = await _billing.EventuallyAsync(contract.ContractId, s => Count(s) == 18);
        schedule["instalments"]!.AsArray().Select(i => i!.Get<int>("number")).Should().Equal(Enumerable.Range(1, 18));
        schedule["instalments"]!.AsArray().Select(i => i!.Get<string>("dueDate")).Should()
            .Equal(Enumerable.Range(0, 18).Select(k => Deal.Start.AddMonths(k).ToString("yyyy-MM-dd")));
    }

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
        Count(closed).Should().Be(4);
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

    [Fact]
    public async Task An_unknown_schedule_answers_404_NotFound()
    {
        var id = Guid.NewGuid();

        var problem = await api.CreateClient().GetAsync($"/schedules/{id}").ExpectAsync(HttpStatusCode.NotFound);

        problem.Get<string>("rule").Should().Be("NotFound");
        problem.Get<string>("detail").Should().Contain(id.ToString());
    }
}
