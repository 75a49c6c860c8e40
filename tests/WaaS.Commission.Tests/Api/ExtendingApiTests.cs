using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Commission.Tests.Api;

/// <summary>ContractExtended arrives on the service's queue: each extension pays commission once, after payday.</summary>
[Collection(CommissionApiCollection.Name)]
public sealed class ExtendingApiTests(CommissionApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Finance);

    private static ContractExtended Extended(Guid contractId, Guid resellerId, int extensionNumber, decimal commission) =>
        new(contractId, resellerId, extensionNumber, 12, 12 + (12 * extensionNumber), new DateOnly(2027, 3, 1), new DateOnly(2028, 3, 1),
            new MonthlyAmount(79.80m, 15.16m, 94.96m), commission, DateTimeOffset.UtcNow);

    private Task<JsonNode> CommissionAsync(Guid contractId) => _client.GetAsync($"/commissions/{contractId}").ExpectAsync(HttpStatusCode.OK);

    private Task<JsonNode> ExtensionsAsync(Guid contractId, int count) =>
        Eventually.GetAsync(_client, $"/commissions/{contractId}", c => c["extensions"]!.AsArray().Count == count, $"{count} extension(s) paid");

    private async Task<RecordCommission> PaydayAsync()
    {
        var command = new RecordCommission(Guid.NewGuid(), Guid.NewGuid(), 480m, 12);
        await api.SendAsync(CommissionApi.RecordCommissionQueue, command);
        await ExtensionsAsync(command.ContractId, 0);
        return command;
    }

    [Fact]
    public async Task An_extension_pays_commission_once_however_often_ContractExtended_is_delivered()
    {
        var payday = await PaydayAsync();
        var extension = Extended(payday.ContractId, payday.ResellerId, 1, 120m);
        Guid redelivered = Guid.NewGuid(), replayed = Guid.NewGuid();

        await api.SendAsync(CommissionApi.ContractExtendedQueue, extension, redelivered);
        await api.SendAsync(CommissionApi.ContractExtendedQueue, extension, redelivered);
        await ExtensionsAsync(payday.ContractId, 1);
        await api.SendAsync(CommissionApi.ContractExtendedQueue, extension with { Commission = 999m }, replayed);
        await Eventually.HoldsAsync(async () => await api.InboxMarkersAsync(replayed) == 1, "the replay is handled (refused, not failed)");

        var commission = await CommissionAsync(payday.ContractId);
        commission["extensions"]!.AsArray().Should().ContainSingle();
        commission.Get<int>("extensions.0.extensionNumber").Should().Be(1);
        commission.Get<decimal>("extensions.0.amount").Should().Be(120m);
        commission.Get<decimal>("totalPayable").Should().Be(600m);
        (await api.StreamAsync(payday.ContractId)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_second_extension_pays_commission_again()
    {
        var payday = await PaydayAsync();

        await api.SendAsync(CommissionApi.ContractExtendedQueue, Extended(payday.ContractId, payday.ResellerId, 1, 120m));
        await ExtensionsAsync(payday.ContractId, 1);
        await api.SendAsync(CommissionApi.ContractExtendedQueue, Extended(payday.ContractId, payday.ResellerId, 2, 90m));

        var commission = await ExtensionsAsync(payday.ContractId, 2);
        commission["extensions"]!.AsArray().Select(e => e!.Get<int>("extensionNumber")).Should().Equal(1, 2);
        commission.Get<decimal>("totalPayable").Should().Be(480m + 120m + 90m);
    }

    [Fact]
    public async Task An_extension_that_arrives_before_payday_is_retried_and_paid_once_payday_is_recorded()
    {
        var contractId = Guid.NewGuid();
        var resellerId = Guid.NewGuid();
        var early = Guid.NewGuid();

        await api.SendAsync(CommissionApi.ContractExtendedQueue, Extended(contractId, resellerId, 1, 120m), early);
        await Task.Delay(300); // let the first attempts fail: nothing to build on yet
        (await _client.GetAsync($"/commissions/{contractId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.InboxMarkersAsync(early)).Should().Be(0, "an early message is not marked handled");
        await api.SendAsync(CommissionApi.RecordCommissionQueue, new RecordCommission(contractId, resellerId, 480m, 12));

        var commission = await ExtensionsAsync(contractId, 1);
        commission.Get<decimal>("totalPayable").Should().Be(600m);
        await Eventually.HoldsAsync(async () => await api.InboxMarkersAsync(early) == 1, "the early message is handled on redelivery");
    }
}
