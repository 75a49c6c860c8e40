using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Credit.Checks;
using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>CheckCredit arrives on the service's queue; the outcome is readable and published, correlated by contract.</summary>
[Collection(CreditApiCollection.Name)]
public sealed class CheckingApiTests(CreditApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    private static CheckCredit Request(decimal exposure, string? vatId = "DE123456789") =>
        new(Guid.NewGuid(), new Customer("Muster GmbH", "DE", vatId, "ap@muster.example"), exposure, 36, Guid.NewGuid());

    private Task<JsonNode> CheckedAsync(Guid contractId) =>
        Eventually.GetAsync(_client, $"/checks/{contractId}", _ => true, $"check {contractId} is recorded");

    [Fact]
    public async Task An_exposure_within_the_threshold_is_approved_and_CreditApproved_carries_the_contract_as_correlation_id()
    {
        var approvals = await api.ObserveAsync<Contracts.CreditApproved>();
        var request = Request(80_000m);

        await api.SendAsync(CreditApi.CheckCreditQueue, request);

        var check = await CheckedAsync(request.ContractId);
        check.Get<string>("decision").Should().Be("Approved");
        check.Get<string>("customerName").Should().Be("Muster GmbH");
        check.Get<string>("country").Should().Be("DE");
        check.Get<decimal>("exposure").Should().Be(80_000m);
        check["reason"].Should().BeNull();
        check["reviewedBy"].Should().BeNull();
        var (approved, correlationId) = await approvals.FirstAsync(m => m.ContractId == request.ContractId);
        approved.Should().Be(new Contracts.CreditApproved(request.ContractId, 80_000m, api.Clock.GetUtcNow()));
        correlationId.Should().Be(request.ContractId);
    }

    [Fact]
    public async Task A_customer_without_VAT_id_is_rejected_and_CreditRejected_names_the_rule()
    {
        var rejections = await api.ObserveAsync<Contracts.CreditRejected>();
        var request = Request(5_000m, vatId: null);

        await api.SendAsync(CreditApi.CheckCreditQueue, request);

        var check = await CheckedAsync(request.ContractId);
        check.Get<string>("decision").Should().Be("Rejected");
        check.Get<string>("reason").Should().StartWith("CustomerWithoutVatId:");
        var (rejected, correlationId) = await rejections.FirstAsync(m => m.ContractId == request.ContractId);
        rejected.Reason.Should().Be(check.Get<string>("reason"));
        correlationId.Should().Be(request.ContractId);
    }

    [Fact]
    public async Task A_large_exposure_is_referred_announced_and_listed_for_review()
    {
        var referrals = await api.ObserveAsync<Contracts.CreditReferredToManualReview>();
        var request = Request(150_000m);

        await api.SendAsync(CreditApi.CheckCreditQueue, request);

        (await CheckedAsync(request.ContractId)).Get<string>("decision").Should().Be("Referred");
        var (referred, correlationId) = await referrals.FirstAsync(m => m.ContractId == request.ContractId);
        referred.Reason.Should().StartWith("ExposureNeedsReview:");
        correlationId.Should().Be(request.ContractId);
        var reviews = await _client.GetAsync("/reviews").ExpectAsync(HttpStatusCode.OK);
        reviews.AsArray().Select(r => r!.Get<Guid>("id")).Should().Contain(request.ContractId);
        reviews.AsArray().Select(r => r!.Get<string>("decision")).Should().OnlyContain(d => d == "Referred");
    }

    [Fact]
    public async Task A_redelivered_or_replayed_CheckCredit_changes_nothing_and_announces_nothing_again()
    {
        var approvals = await api.ObserveAsync<Contracts.CreditApproved>();
        var rejections = await api.ObserveAsync<Contracts.CreditRejected>();
        var request = Request(20_000m);
        Guid redelivered = Guid.NewGuid(), replayed = Guid.NewGuid();

        await api.SendAsync(CreditApi.CheckCreditQueue, request, redelivered);
        await api.SendAsync(CreditApi.CheckCreditQueue, request, redelivered);
        await approvals.FirstAsync(m => m.ContractId == request.ContractId);
        // A replay under a new id that the policy would reject: refused by CheckOncePerContract, yet handled (not an error).
        await api.SendAsync(CreditApi.CheckCreditQueue, request with { Exposure = 900_000m }, replayed);
        await Eventually.HoldsAsync(async () => await api.InboxMarkersAsync(replayed) == 1, "the replay is handled");

        (await CheckedAsync(request.ContractId)).Get<decimal>("exposure").Should().Be(20_000m, "the first check stands");
        (await api.StreamAsync(request.ContractId)).Select(e => e.GetType()).Should()
            .Equal(typeof(CreditCheckRequested), typeof(WaaS.Credit.Checks.CreditApproved));
        (await api.InboxMarkersAsync(redelivered)).Should().Be(1);
        approvals.Count(m => m.ContractId == request.ContractId).Should().Be(1);
        rejections.Count(m => m.ContractId == request.ContractId).Should().Be(0);
    }

    [Fact]
    public async Task An_unknown_check_is_not_found()
    {
        var problem = await _client.GetAsync($"/checks/{Guid.NewGuid()}").ExpectAsync(HttpStatusCode.NotFound);

        problem.Get<string>("title").Should().Be("Credit check not found.");
    }
}
