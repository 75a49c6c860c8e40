using System.Net;
using FluentAssertions;
using WaaS.Testing;
using Xunit;

namespace WaaS.Returns.Tests.Api;

[Collection(ReturnsCollection.Name)]
public sealed class OpeningApiTests(ReturnsApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    [Fact]
    public async Task An_ended_contract_opens_a_case_and_publishes_ReturnCaseOpened_correlated_by_the_contract()
    {
        var contractId = Guid.NewGuid();
        var opened = await api.ObserveAsync<Contracts.ReturnCaseOpened>();

        await api.SendAsync(ReturnsApi.ContractEndedQueue, ReturnsApi.Ended(contractId));

        var returnCase = (await ReturnsApi.CasesAsync(_client, contractId)).Single()!;
        returnCase.Get<string>("status").Should().Be("AwaitingDevices");
        returnCase.Get<string>("returnDeadline").Should().Be("2027-03-14");
        returnCase.Get<string>("endReason").Should().Be("EndOfTerm");
        returnCase.Get<string>("expectedDevices.0.serialNumber").Should().Be($"SN-{contractId:N}");
        DateTimeOffset.Parse(returnCase.Get<string>("openedAt")).Should().Be(api.Clock.GetUtcNow());
        var (message, correlationId) = await opened.FirstAsync(m => m.ContractId == contractId);
        message.ReturnCaseId.Should().Be(returnCase.Get<Guid>("id"));
        message.ReturnDeadline.Should().Be(new DateOnly(2027, 3, 14));
        correlationId.Should().Be(contractId);
        var read = await _client.GetAsync($"/return-cases/{message.ReturnCaseId}").ExpectAsync(HttpStatusCode.OK);
        read.ToJsonString().Should().Be(returnCase.ToJsonString());
    }

    [Fact]
    public async Task A_contract_replaced_by_a_successor_opens_a_case_naming_the_successor()
    {
        var contractId = Guid.NewGuid();
        var successor = Guid.NewGuid();

        await api.SendAsync(ReturnsApi.ContractEndedQueue, ReturnsApi.Ended(contractId, successor));

        var returnCase = (await ReturnsApi.CasesAsync(_client, contractId)).Single()!;
        returnCase.Get<Guid>("successorContractId").Should().Be(successor);
        returnCase.Get<string>("endReason").Should().Be("TerminatedEarly");
    }

    [Fact]
    public async Task A_redelivered_ContractEnded_opens_no_second_case()
    {
        var contractId = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var opened = await api.ObserveAsync<Contracts.ReturnCaseOpened>();

        await api.SendAsync(ReturnsApi.ContractEndedQueue, ReturnsApi.Ended(contractId), messageId);
        await ReturnsApi.CasesAsync(_client, contractId);
        await api.SendAsync(ReturnsApi.ContractEndedQueue, ReturnsApi.Ended(contractId), messageId);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the outbox polls every 2 s: a second ReturnCaseOpened would be out by now

        (await ReturnsApi.CasesAsync(_client, contractId)).Should().ContainSingle();
        opened.Count(m => m.ContractId == contractId).Should().Be(1);
    }

    [Fact]
    public async Task Cases_are_listed_by_contract_only_and_an_unknown_one_is_not_found()
    {
        var unfiltered = await _client.GetAsync("/return-cases").ExpectAsync(HttpStatusCode.BadRequest);
        var missing = await _client.GetAsync($"/return-cases/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);
        var none = await _client.GetAsync($"/return-cases?contractId={Guid.NewGuid()}").ExpectAsync(HttpStatusCode.OK);

        Http.Rules(unfiltered).Should().Equal(("contractId", "Required"));
        Http.Rules(missing).Should().Equal(("", "NotFound"));
        none.AsArray().Should().BeEmpty();
    }
}
