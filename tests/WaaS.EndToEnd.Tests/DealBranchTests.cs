using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>The deal's other paths, through the gateway, each ending in a state the deal's GET names.</summary>
[Collection(SystemCollection.Name)]
public sealed class DealBranchTests(WaaSSystem system)
{
    private readonly DealDriver _deals = new(system);
    private LifecycleDriver Life => new(system, _deals);

    private async Task<Guid> SignedAsync(int termMonths, params (string Sku, int Quantity)[] lines)
    {
        var quote = await _deals.CreateQuoteAsync(termMonths, lines);
        var id = await _deals.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _deals.SignBothAsync(id);
        return id;
    }

    [Fact]
    public async Task A_large_deal_waits_for_an_operator_and_proceeds_when_approved()
    {
        // 36 × 100 × 29.90 = 107,640 EUR: above the limit of a band-B customer (100,000 EUR), below the maximum.
        _deals.CustomerScore = 70;
        var id = await SignedAsync(36, ("NB-LAT-5450", 100));

        var review = await _deals.DealInStateAsync(id, "ManualReview");
        review["manualReviewReason"]!.GetValue<string>().Should().StartWith("ExposureWithinLimit");
        (await _deals.OperationsSeeAsync("credit/reviews", r => r.AsArray().Any(c => c!["id"]!.GetValue<Guid>() == id))).Should().NotBeNull();
        (await system.Reseller.PostAsJsonAsync($"credit/checks/{id}/review", new { approve = true, reason = "mine", reviewedBy = "The reseller" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the distributor's operators decide credit");
        (await system.Operations.PostAsJsonAsync($"credit/checks/{id}/review", new { approve = false, reviewedBy = "Risk" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "every review decision needs a reason");

        await DealDriver.ExpectAsync(await system.Operations.PostAsJsonAsync($"credit/checks/{id}/review",
            new { approve = true, reason = "long-standing customer", reviewedBy = "Risk Desk" }), HttpStatusCode.OK);

        await _deals.DealAsync(id, d => d["state"]!.GetValue<string>() == "AwaitingDispatch" && d["commissionPayable"]!.GetValue<bool>());
        (await system.Operations.PostAsJsonAsync($"credit/checks/{id}/review", new { approve = true, reason = "again", reviewedBy = "Risk Desk" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a decided check is not decided twice");
    }

    [Fact]
    public async Task A_review_left_undecided_past_its_deadline_is_flagged_and_a_late_decision_still_counts()
    {
        _deals.CustomerScore = 70;
        var id = await SignedAsync(36, ("NB-LAT-5450", 100));
        await _deals.DealInStateAsync(id, "ManualReview");

        await Life.AdvanceClocksAsync(TimeSpan.FromDays(3));

        var overdue = await _deals.DealInStateAsync(id, "CreditDecisionOverdue");
        overdue["flags"]![0]!["deadline"]!.GetValue<string>().Should().Be("CreditDecision");
        (await _deals.OperationsSeeAsync("contract/deals/operations", o => o.AsArray().Any(d => d!["contractId"]!.GetValue<Guid>() == id))).Should().NotBeNull();
        await DealDriver.ExpectAsync(await system.Operations.PostAsJsonAsync($"credit/checks/{id}/review",
            new { approve = false, reason = "group exposure too high", reviewedBy = "Risk Desk" }), HttpStatusCode.OK);
        (await _deals.DealInStateAsync(id, "Rejected"))["rejectionReason"]!.GetValue<string>().Should().Contain("group exposure too high");
        await _deals.ContractAsync(id, c => c["status"]!.GetValue<string>() == "Voided");
    }

    [Fact]
    public async Task Cancelling_before_shipment_voids_the_contract_and_drops_the_shipment()
    {
        var id = await SignedAsync(24, ("NB-TP-E14", 1));
        var shipmentId = await _deals.ShipmentOfAsync(id);

        await DealDriver.ExpectAsync(await system.Operations.PostAsJsonAsync($"contract/deals/{id}/cancellation", new { reason = "customer withdrew" }),
            HttpStatusCode.Accepted);

        (await _deals.DealInStateAsync(id, "Cancelled"))["cancellationReason"]!.GetValue<string>().Should().Be("customer withdrew");
        await _deals.ContractAsync(id, c => c["status"]!.GetValue<string>() == "Voided");
        await _deals.EventuallyAsync($"logistics/shipments/{shipmentId}", s => s["status"]!.GetValue<string>() == "Cancelled");
        var twice = await system.Operations.PostAsJsonAsync($"contract/deals/{id}/cancellation", new { reason = "again" });
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_shipment_returned_undelivered_can_be_shipped_again_and_then_activates()
    {
        var id = await SignedAsync(12, ("NB-TP-E14", 1));
        var first = await _deals.ShipmentOfAsync(id);
        await _deals.DispatchAsync(first, ("NB-TP-E14", $"SN-{id:N}-A"));
        await _deals.DealInStateAsync(id, "InTransit");
        (await system.Operations.PostAsJsonAsync($"contract/deals/{id}/cancellation", new { reason = "too late" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "dispatched devices cannot be cancelled");

        await DealDriver.ExpectAsync(await system.Operations.PostAsJsonAsync($"logistics/shipments/{first}/failure", new { reason = "recipient unknown" }),
            HttpStatusCode.OK);
        (await _deals.DealInStateAsync(id, "ReturnedUndelivered"))["shipmentFailure"]!.GetValue<string>().Should().Contain("recipient unknown");

        await DealDriver.ExpectAsync(await system.Operations.PostAsync($"contract/deals/{id}/reshipment", null), HttpStatusCode.Accepted);
        var shipments = await _deals.EventuallyAsync($"logistics/shipments?contractId={id}", s => s.AsArray().Count == 2);
        var second = shipments.AsArray().Single(s => s!["id"]!.GetValue<Guid>() != first)!["id"]!.GetValue<Guid>();
        await _deals.DealInStateAsync(id, "AwaitingDispatch");
        await _deals.DispatchAsync(second, ("NB-TP-E14", $"SN-{id:N}-B"));
        await _deals.DeliverAsync(second);
        await _deals.DealInStateAsync(id, "Active");
    }

    [Fact]
    public async Task A_delivery_deadline_survives_a_restart_of_the_contract_service_and_flags_the_deal()
    {
        var id = await SignedAsync(12, ("NB-TP-E14", 1));
        var approved = await _deals.DealAsync(id, d => d["deliveryDueAt"] is not null && d["state"]!.GetValue<string>() == "AwaitingDispatch");
        var dueAt = approved["deliveryDueAt"]!.GetValue<DateTimeOffset>();

        // The contract service goes down while the deadline is pending; time passes the deadline meanwhile
        // (StartAsync lines the restarted clock up with the others).
        system.Kill("contracting");
        foreach (var service in LifecycleDriver.ClockedServices.Where(s => s != "contracting"))
        {
            await system.ClockAsync(service, TimeSpan.FromDays(11));
        }
        await system.StartAsync("contracting");

        var overdue = await _deals.DealInStateAsync(id, "DeliveryOverdue");
        overdue["flaggedForOperations"]!.GetValue<bool>().Should().BeTrue();
        overdue["flags"]![0]!["deadline"]!.GetValue<string>().Should().Be("Delivery");
        overdue["flags"]![0]!["dueAt"]!.GetValue<DateTimeOffset>().Should().Be(dueAt);
        (await _deals.OperationsSeeAsync("contract/deals/operations", o => o.AsArray().Any(d => d!["contractId"]!.GetValue<Guid>() == id))).Should().NotBeNull();

        // Late but delivered: the deal still runs.
        var shipmentId = await _deals.ShipmentOfAsync(id);
        await _deals.DispatchAsync(shipmentId, ("NB-TP-E14", $"SN-{id:N}"));
        await _deals.DeliverAsync(shipmentId);
        await _deals.DealInStateAsync(id, "Active");
    }
}
