using System.Net;
using System.Text.Json.Nodes;
using WaaS.Billing.Tests.Schedules;
using WaaS.Contracts;
using WaaS.Testing;

namespace WaaS.Billing.Tests.Api;

/// <summary>Drives billing through its queues and reads it through its API.</summary>
public sealed class BillingDriver(BillingApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    public Task ActivateAsync(ContractActivated contract, Guid? messageId = null) =>
        api.SendAsync(BillingApi.ContractActivatedQueue, contract, messageId);

    public Task ExtendAsync(ContractExtended extension, Guid? messageId = null) =>
        api.SendAsync(BillingApi.ContractExtendedQueue, extension, messageId);

    public Task EndAsync(ContractEnded ended, Guid? messageId = null) => api.SendAsync(BillingApi.ContractEndedQueue, ended, messageId);

    public static int Instalments(JsonNode schedule) => schedule["instalments"]!.AsArray().Count;

    public Task<JsonNode> GetAsync(Guid contractId) => _client.GetAsync($"/schedules/{contractId}").ExpectAsync(HttpStatusCode.OK);

    /// <summary>The schedule once <paramref name="holds"/> is true of it.</summary>
    public Task<JsonNode> EventuallyAsync(Guid contractId, Func<JsonNode, bool> holds) =>
        Eventually.GetAsync(_client, $"/schedules/{contractId}", holds, $"the schedule of {contractId} did not get there");

    public async Task<JsonNode> ActiveAsync(ContractActivated contract)
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
        if (queue == BillingApi.ContractActivatedQueue)
        {
            await ActiveAsync(probe);
        }
        else if (queue == BillingApi.ContractExtendedQueue)
        {
            await ActiveAsync(probe);
            await ExtendAsync(Deal.Extended(probe.ContractId, 1));
            await EventuallyAsync(probe.ContractId, s => s["instalments"]!.AsArray().Count == 15);
        }
        else
        {
            await ActiveAsync(probe);
            await EndAsync(Deal.Ended(probe.ContractId, ContractEndReason.TerminatedEarly, Deal.Start.AddDays(40), 1m));
            await EventuallyAsync(probe.ContractId, s => s["terminationFee"] is not null);
        }
        // Up to eight messages run at once: leave a skipped duplicate (one lookup) time to finish beside the probe.
        await Task.Delay(200);
    }
}
