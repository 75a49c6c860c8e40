using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using WaaS.Contracts;
using Xunit;

namespace WaaS.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class ObservabilityTests(WaaSSystem system)
{
    private readonly DealDriver _driver = new(system);

    [Fact]
    public async Task A_deals_trace_runs_from_the_signing_request_through_every_outbox_hop()
    {
        // Countersigned → (contract outbox) ContractSigned → saga → (outbox) CheckCredit → credit → (outbox)
        // CreditApproved: three outbox hops and two services after the gateway, all in the caller's trace.
        await using var approvals = await Subscription<CreditApproved>.StartAsync(m => m.ContractId);
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
            (await (who == "customer" ? system.Reseller : system.Operations).SendAsync(sign)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var approval = await approvals.ReceivedAsync(contractId, system);
        approval.Headers.Values.Should().Contain(v => v.Contains(traceId.ToHexString()), "the approval was caused by that request");
    }
}
