using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using MassTransit;
using Npgsql;
using RabbitMQ.Client;
using WaaS.Contracts;
using Xunit;
using Xunit.Abstractions;

namespace WaaS.EndToEnd.Tests;

/// <summary>The deadline message the contracting service schedules for itself, seen from outside: same message name, same
/// exchange (MassTransit names the exchange after the publishing type, not after its URN).</summary>
[MessageUrn("waas:contracting:credit-decision-due")]
[EntityName("WaaS.Contracting.Deals:CreditDecisionDue")]
public sealed record CreditDecisionDue(Guid ContractId, DateTimeOffset DueAt);

/// <summary>
/// Two instances of every service against one PostgreSQL and RabbitMQ, the gateway balancing over both: what a Kubernetes
/// Deployment with two replicas runs. Deals complete, deadlines fire once, the outbox sends each message once and the
/// saga loses no update, while both instances of each service compete for the same queues and rows.
/// </summary>
[Collection(ScaledSystemCollection.Name)]
public sealed class ScaledSystemTests(ScaledWaaSSystem system, ITestOutputHelper output)
{
    private const int Deals = 20;
    private const int Reviewed = 2; // of the 20: large enough for a manual credit review, left to miss its deadline

    /// <summary>One queue per consuming service (infra/services.tsv; accounts consumes nothing).</summary>
    private static readonly string[] ServiceQueues =
    [
        "quoting-copy-account", "contracting-deal-state", "credit-check-credit", "commission-record-commission",
        "logistics-create-shipment", "billing-contract-activated", "returns-contract-ended", "vendor-reporting-contract-activated",
    ];

    private static readonly string[] Timeline =
        ["ContractSigned", "CreditApproved", "ShipmentDispatched", "ShipmentDelivered", "ContractActivated", "BillingScheduleCreated", "SellOutReported"];

    private readonly DealDriver _deals = new(system);

    [Fact]
    public Task Twenty_deals_complete_once_each_with_every_service_running_twice() =>
        // Bounded as a whole (it takes about 40 s on 2 cores); each wait inside is bounded too (30 s).
        TwentyDealsAsync().WaitAsync(TimeSpan.FromMinutes(4));

    private async Task TwentyDealsAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var payable = await Subscription<CommissionPayable>.StartAsync(m => m.ContractId, system.VirtualHost);
        await using var activated = await Subscription<ContractActivated>.StartAsync(m => m.ContractId, system.VirtualHost);
        await using var creditDue = await Subscription<CreditDecisionDue>.StartAsync(m => m.ContractId, system.VirtualHost);

        await EveryServiceQueueIsAQuorumQueueConsumedByBothInstancesAsync();

        // All deals at once through the one gateway: the instances of each service share the requests and the messages.
        // 36 × 100 × 29.90 = 107,640 EUR for a band-B customer (score 70, limit 100,000 EUR): credit refers it to a person.
        _deals.CustomerScore = 70;
        var reviewed = await Task.WhenAll(Enumerable.Range(0, Reviewed).Select(_ => SignedAsync(36, ("NB-LAT-5450", 100))));
        _deals.CustomerScore = 89;
        var plain = await Task.WhenAll(Enumerable.Range(0, Deals - Reviewed).Select(i => ActiveAsync(i)));
        output.WriteLine($"{plain.Length} deals active after {clock.Elapsed.TotalSeconds:F0} s");
        foreach (var id in reviewed)
        {
            await _deals.DealInStateAsync(id, "ManualReview");
        }

        // The credit decision's deadline passes on both contracting instances' clocks: each review deal is flagged once.
        await new LifecycleDriver(system, _deals).AdvanceClocksAsync(TimeSpan.FromDays(3));
        foreach (var id in reviewed)
        {
            var overdue = await _deals.DealInStateAsync(id, "CreditDecisionOverdue");
            overdue["flags"]!.AsArray().Should().ContainSingle().Which!["deadline"]!.GetValue<string>().Should().Be("CreditDecision");
            await system.EventuallyAsync(() => Task.FromResult(creditDue.CountOf(id) >= 1));
        }
        foreach (var id in reviewed)
        {
            await DealDriver.ExpectAsync(await system.Operations.PostAsJsonAsync($"credit/checks/{id}/review",
                new { approve = true, reason = "known customer, second site", reviewedBy = "Risk Desk" }), HttpStatusCode.OK);
        }
        var late = await Task.WhenAll(reviewed.Select(ShipAndActivateAsync));
        output.WriteLine($"all {Deals} deals active after {clock.Elapsed.TotalSeconds:F0} s");

        var all = plain.Select(d => d.Id).Concat(reviewed).ToArray();
        // Each deal's deadline message went out once (the two schedulers claim due rows with SKIP LOCKED), each
        // outbox message once (CommissionPayable from commission's outbox, ContractActivated from contracting's).
        await system.EventuallyAsync(() => Task.FromResult(all.All(id => payable.CountOf(id) >= 1 && activated.CountOf(id) >= 1)));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would be on its way by now (both dispatchers poll every 0.5 s)
        foreach (var id in all)
        {
            payable.CountOf(id).Should().Be(1, $"commission announces deal {id} payable once");
            activated.CountOf(id).Should().Be(1, $"contracting announces deal {id} active once");
            creditDue.CountOf(id).Should().BeLessThanOrEqualTo(1, $"the credit deadline of deal {id} fires at most once");
        }
        foreach (var id in reviewed)
        {
            creditDue.CountOf(id).Should().Be(1, "the missed credit deadline fired exactly once");
            var deal = await _deals.DealAsync(id, _ => true);
            DealDriver.Steps(deal).Count(s => s == "CreditDecisionOverdue").Should().Be(1);
            deal["flags"]!.AsArray().Should().ContainSingle();
        }

        // No lost update in the saga: every step of every deal is in its timeline exactly once, in order.
        foreach (var (id, deal) in plain.Concat(late))
        {
            var steps = DealDriver.Steps(deal);
            steps.Should().ContainInOrder(Timeline[..5]);
            foreach (var step in Timeline)
            {
                steps.Count(s => s == step).Should().Be(1, $"deal {id} records {step} once: {string.Join(", ", steps)}");
            }
            deal["state"]!.GetValue<string>().Should().Be("Active");
            deal["commissionPayable"]!.GetValue<bool>().Should().BeTrue();
        }
        (await CommissionsRecordedAsync(all)).Should().Be(Deals, "one commission event per deal, none twice");
        output.WriteLine($"checked after {clock.Elapsed.TotalSeconds:F0} s");
    }

    private async Task<Guid> SignedAsync(int termMonths, params (string Sku, int Quantity)[] lines)
    {
        var quote = await _deals.CreateQuoteAsync(termMonths, lines);
        var id = await _deals.AcceptAsync(quote["id"]!.GetValue<Guid>());
        await _deals.SignBothAsync(id);
        return id;
    }

    private async Task<(Guid Id, System.Text.Json.Nodes.JsonNode Deal)> ActiveAsync(int i) =>
        await ShipAndActivateAsync(await SignedAsync(12 * (1 + i % 3), ("NB-TP-E14", 1 + i % 2), ("O365-BE", 1)));

    private async Task<(Guid Id, System.Text.Json.Nodes.JsonNode Deal)> ShipAndActivateAsync(Guid id)
    {
        var shipmentId = await _deals.ShipmentOfAsync(id);
        var shipment = await _deals.EventuallyAsync($"logistics/shipments/{shipmentId}", _ => true);
        var serial = 0;
        var devices = shipment["items"]!.AsArray()
            .SelectMany(i => Enumerable.Range(0, i!["quantity"]!.GetValue<int>()).Select(_ => (i["sku"]!.GetValue<string>(), $"SN-{id:N}-{++serial}")))
            .ToArray();
        await _deals.DispatchAsync(shipmentId, devices);
        await _deals.DeliverAsync(shipmentId);
        return (id, await _deals.DealAsync(id, d => d["state"]!.GetValue<string>() == "Active"
            && DealDriver.Steps(d).Contains("BillingScheduleCreated") && DealDriver.Steps(d).Contains("SellOutReported")));
    }

    /// <summary>Both instances of each service consume from its queues, and the queues are quorum queues (the default).</summary>
    private async Task EveryServiceQueueIsAQuorumQueueConsumedByBothInstancesAsync()
    {
        var factory = new ConnectionFactory
        {
            HostName = Environment.GetEnvironmentVariable("WAAS_RABBIT_HOST") is { Length: > 0 } host ? host : "localhost",
            Port = Environment.GetEnvironmentVariable("WAAS_RABBIT_PORT") is { Length: > 0 } port ? int.Parse(port) : 5672,
            UserName = Environment.GetEnvironmentVariable("WAAS_RABBIT_USER") is { Length: > 0 } user ? user : "waas",
            Password = Environment.GetEnvironmentVariable("WAAS_RABBIT_PASSWORD") is { Length: > 0 } password ? password : "waas",
            VirtualHost = system.VirtualHost,
        };
        await using var connection = await factory.CreateConnectionAsync();
        foreach (var queue in ServiceQueues)
        {
            await using var channel = await connection.CreateChannelAsync();
            // Accepted only if the queue is a quorum queue (a classic one refuses the redeclaration).
            var declared = await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
            declared.ConsumerCount.Should().Be(2, $"both instances consume from {queue}");
        }
    }

    private async Task<long> CommissionsRecordedAsync(IEnumerable<Guid> contractIds)
    {
        await using var dataSource = NpgsqlDataSource.Create(system.ConnectionString());
        await using var command = dataSource.CreateCommand("select count(*) from commission.mt_events where stream_id = any($1) and type = 'commission_payable'");
        command.Parameters.AddWithValue(contractIds.ToArray());
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
