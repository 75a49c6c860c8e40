using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using MassTransit;
using WaaS.Contracts;
using Xunit;

namespace WaaS.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class ResilienceTests(WaaSSystem system)
{
    private readonly DealDriver _driver = new(system);

    [Fact]
    public async Task A_deal_continues_after_the_contract_service_is_killed_and_started_again()
    {
        var quote = await _driver.CreateQuoteAsync(36, ("NB-TP-E14", 1), ("INS-DEV", 1));
        var contractId = await _driver.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _driver.SignBothAsync(contractId);

        // Killed right after the countersignature: ContractSigned may still sit in the outbox, the saga may
        // not have started, credit may answer while nobody listens. Nothing of it may be lost.
        system.Kill("contracting");
        await Task.Delay(1500);
        await system.StartAsync("contracting");
        var approved = await _driver.DealAsync(contractId, d => d["commissionPayable"]!.GetValue<bool>() && d["shipmentId"] is not null);
        approved["state"]!.GetValue<string>().Should().Be("AwaitingDispatch");

        // Down again while the devices travel: the delivery waits in RabbitMQ and activates the contract afterwards.
        var shipmentId = await _driver.ShipmentOfAsync(contractId);
        system.Kill("contracting");
        try
        {
            await _driver.DispatchAsync(shipmentId, ("NB-TP-E14", $"SN-{contractId:N}"));
            await _driver.DeliverAsync(shipmentId);
        }
        finally
        {
            await system.StartAsync("contracting");
        }

        var active = await _driver.DealInStateAsync(contractId, "Active");
        DealDriver.Steps(active).Should().ContainInOrder("ContractSigned", "CreditApproved", "ShipmentDispatched", "ShipmentDelivered", "ContractActivated");
        DealDriver.Steps(active).Count(s => s == "ContractSigned").Should().Be(1, "each step is recorded once");
        await _driver.ContractAsync(contractId, c => c["status"]!.GetValue<string>() == "Active");
    }

    [Fact]
    public async Task A_service_that_is_down_answers_through_the_gateway_as_problem_details_naming_it_and_recovers_after_restart()
    {
        var unknown = $"vendor-reporting/sell-outs/{Guid.NewGuid()}";
        system.Kill("vendor-reporting");
        try
        {
            using var down = await system.Reseller.GetAsync(unknown);

            down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            down.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            down.Headers.RetryAfter.Should().NotBeNull();
            var problem = JsonNode.Parse(await down.Content.ReadAsStringAsync())!;
            problem["service"]!.GetValue<string>().Should().Be("vendor-reporting");
            problem["rule"]!.GetValue<string>().Should().Be("ServiceUnavailable");
            problem["status"]!.GetValue<int>().Should().Be(503);
        }
        finally
        {
            await system.StartAsync("vendor-reporting");
        }

        // Back up: the same read reaches the service again (its own 404), at the latest when the breaker closes.
        await system.EventuallyAsync(async () =>
        {
            using var response = await system.Reseller.GetAsync(unknown);
            return response.StatusCode == HttpStatusCode.NotFound;
        });
    }

    [Fact]
    public async Task Commission_is_recorded_exactly_once_however_often_the_command_is_delivered()
    {
        var quote = await _driver.CreateQuoteAsync(24, ("MON-P2425", 3));
        var contractId = await _driver.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _driver.SignBothAsync(contractId);
        await _driver.DealAsync(contractId, d => d["commissionPayable"]!.GetValue<bool>());

        // The same command again: twice with one message id (a broker redelivery), once with a new id (a replay).
        var bus = Partner.Bus();
        await bus.StartAsync();
        try
        {
            var command = new RecordCommission(contractId, _driver.ResellerId, 999m, 24);
            Guid redelivered = NewId.NextGuid(), replayed = NewId.NextGuid();
            await bus.Publish(command, ctx => ctx.MessageId = redelivered);
            await bus.Publish(command, ctx => ctx.MessageId = redelivered);
            await bus.Publish(command, ctx => ctx.MessageId = replayed);

            // An inbox marker commits only with a successful handling: both must be handled, not sent to *_error.
            await system.EventuallyAsync(async () =>
                await system.InboxMarkersAsync("commission", redelivered) == 1 && await system.InboxMarkersAsync("commission", replayed) == 1);
        }
        finally
        {
            await bus.StopAsync();
        }

        var commission = await _driver.EventuallyAsync($"commission/commissions/{contractId}", _ => true);
        commission["amount"]!.GetValue<decimal>().Should().Be(3 * 48m, "the first recording stands");
        var deal = await _driver.DealAsync(contractId, _ => true);
        DealDriver.Steps(deal).Count(s => s == "CommissionPayable").Should().Be(1);
    }

    [Fact]
    public async Task Deal_events_reach_subscribers_with_the_contract_id_as_correlation_id()
    {
        // The deal saga keeps one deal's messages in order by CorrelationId; partners can follow a deal by it too.
        await using var approvals = await Subscription<CreditApproved>.StartAsync(m => m.ContractId);
        var quote = await _driver.CreateQuoteAsync(24, ("NB-TP-E14", 1));
        var contractId = await _driver.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _driver.SignBothAsync(contractId);

        (await approvals.ReceivedAsync(contractId, system)).CorrelationId.Should().Be(contractId);
    }
}
