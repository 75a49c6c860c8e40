using System.Net;
using System.Text.Json.Nodes;
using WaaS.Contracts;
using WaaS.Testing;
using WaaS.VendorReporting.Tests.SellOuts;

namespace WaaS.VendorReporting.Tests.Api;

/// <summary>Drives vendor reporting through its queues and reads it through its API.</summary>
public sealed class SellOutDriver(VendorReportingApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    public Task ActivateAsync(ContractActivated contract, Guid? messageId = null) =>
        api.SendAsync(VendorReportingApi.ContractActivatedQueue, contract, messageId);

    public Task ExtendAsync(ContractExtended extension, Guid? messageId = null) =>
        api.SendAsync(VendorReportingApi.ContractExtendedQueue, extension, messageId);

    public Task<JsonNode> GetAsync(Guid contractId) => _client.GetAsync($"/sell-outs/{contractId}").ExpectAsync(HttpStatusCode.OK);

    /// <summary>The report once <paramref name="holds"/> is true of it.</summary>
    public Task<JsonNode> EventuallyAsync(Guid contractId, Func<JsonNode, bool> holds) =>
        Eventually.GetAsync(_client, $"/sell-outs/{contractId}", holds, $"the sell-out of {contractId} did not get there");

    public async Task<JsonNode> ReportedAsync(ContractActivated contract)
    {
        await ActivateAsync(contract);
        return await EventuallyAsync(contract.ContractId, _ => true);
    }

    /// <summary>
    /// Waits until what was sent to <paramref name="queue"/> so far has been handled, by sending a fresh deal's message
    /// after it and waiting for that one's effect (the queue hands its messages out in order; a skipped duplicate or a
    /// decision to do nothing leaves no trace of its own to wait for).
    /// </summary>
    public async Task HandledSoFarAsync(string queue)
    {
        var probe = Deal.Activated();
        await ReportedAsync(probe);
        if (queue == VendorReportingApi.ContractExtendedQueue)
        {
            await ExtendAsync(Deal.Extended(probe.ContractId, 1));
            await EventuallyAsync(probe.ContractId, r => r["extensions"]!.AsArray().Count == 1);
        }
        // Up to eight messages run at once: leave a skipped duplicate (one lookup) time to finish beside the probe.
        await Task.Delay(200);
    }
}
