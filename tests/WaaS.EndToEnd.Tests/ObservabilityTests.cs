using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using MassTransit;
using WaaS.Contracts;
using Xunit;

namespace WaaS.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class ObservabilityTests(WaaSSystem system)
{
    private readonly DealDriver _driver = new(system.Gateway);

    [Fact]
    public async Task A_deals_trace_runs_from_the_signing_request_through_every_outbox_hop()
    {
        // Countersigned → (contract outbox) ContractSigned → saga → (outbox) CheckCredit → credit → (outbox)
        // CreditApproved: three outbox hops and two services after the gateway, all in the caller's trace.
        var approvals = new ConcurrentDictionary<Guid, string>();
        var bus = Partner.Bus(cfg => cfg.ReceiveEndpoint(e => e.Handler<CreditApproved>(ctx =>
        {
            approvals[ctx.Message.ContractId] = string.Join("; ", ctx.Headers.GetAll().Select(h => $"{h.Key}={h.Value}"));
            return Task.CompletedTask;
        })));
        await bus.StartAsync();
        try
        {
            var quote = await _driver.CreateQuoteAsync(12, ("NB-TP-E14", 1));
            var contractId = await _driver.AcceptAsync(quote["id"]!.GetValue<Guid>());
            await _driver.ContractAsync(contractId);
            var traceId = ActivityTraceId.CreateRandom();
            foreach (var (who, name) in new[] { ("customer", "Erika Muster"), ("distributor", "WaaS Operations") })
            {
                using var sign = new HttpRequestMessage(HttpMethod.Post, $"contract/contracts/{contractId}/signatures/{who}")
                {
                    Content = JsonContent.Create(new { signedBy = name }),
                };
                sign.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
                (await system.Gateway.SendAsync(sign)).StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await system.EventuallyAsync(() => Task.FromResult(approvals.ContainsKey(contractId)));
            approvals[contractId].Should().Contain(traceId.ToHexString(), "the approval was caused by that request");
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
