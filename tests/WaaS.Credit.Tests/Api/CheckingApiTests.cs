using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Credit.Checks;
using WaaS.Credit.Tests.Checks;
using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>
/// CheckCredit arrives on the service's queue; the development bureau scores the customer (the VAT id's last two
/// digits), the rules decide, and the outcome is readable with its evaluation and published, correlated by contract.
/// </summary>
[Collection(CreditApiCollection.Name)]
public sealed class CheckingApiTests(CreditApi api)
{
    private readonly HttpClient _client = api.CreateClient(As.Operations);

    private static CheckCredit Request(decimal exposure, int score = 90, string name = "Muster GmbH") =>
        new(Guid.NewGuid(), new Customer(name, "DE", Given.VatId(score), "ap@muster.example"), exposure, 36, Guid.NewGuid());

    private Task<JsonNode> CheckedAsync(Guid contractId) =>
        Eventually.GetAsync(_client, $"/checks/{contractId}", _ => true, $"check {contractId} is recorded");

    private static IEnumerable<(string Rule, string Outcome)> Rules(JsonNode check) =>
        check["evaluation"]!["rules"]!.AsArray().Select(r => (r!.Get<string>("rule"), r!.Get<string>("outcome")));

    [Fact]
    public async Task A_customer_within_its_bands_limit_is_approved_with_every_rule_stored_and_CreditApproved_carries_the_contract_as_correlation_id()
    {
        var approvals = await api.ObserveAsync<Contracts.CreditApproved>();
        var request = Request(80_000m, score: 90);

        await api.SendAsync(CreditApi.CheckCreditQueue, request);

        var check = await CheckedAsync(request.ContractId);
        check.Get<string>("decision").Should().Be("Approved");
        check.Get<string>("customerName").Should().Be("Muster GmbH");
        check.Get<decimal>("exposure").Should().Be(80_000m);
        check.Get<string>("customerKey").Should().Be($"vat:{request.Customer.VatId}");
        check["reason"].Should().BeNull();
        var evaluation = check["evaluation"]!;
        evaluation.Get<string>("band").Should().Be("A");
        evaluation.Get<decimal>("limit").Should().Be(250_000m);
        evaluation.Get<decimal>("totalExposure").Should().Be(80_000m);
        evaluation["bureau"]!["report"]!.Get<int>("score").Should().Be(90);
        Rules(check).Should().HaveCount(9).And.OnlyContain(r => r.Outcome == "Passed");
        var (approved, correlationId) = await approvals.FirstAsync(m => m.ContractId == request.ContractId);
        approved.Should().Be(new Contracts.CreditApproved(request.ContractId, 80_000m, api.Clock.GetUtcNow()));
        correlationId.Should().Be(request.ContractId);
    }

    [Fact]
    public async Task A_German_business_without_VAT_id_as_quoting_accepts_it_is_decided_on_its_merits_by_name()
    {
        var approvals = await api.ObserveAsync<Contracts.CreditApproved>();
        var name = $"Bäckerei Klein {Guid.NewGuid():N}";
        var request = new CheckCredit(Guid.NewGuid(), new Customer(name, "DE", null, "inhaber@baeckerei.example"), 100m, 12, Guid.NewGuid());
        var score = WaaS.Credit.Bureau.DevelopmentCreditBureau.Score(new(name, "DE", null));

        await api.SendAsync(CreditApi.CheckCreditQueue, request);

        var check = await CheckedAsync(request.ContractId);
        check.Get<string>("customerKey").Should().StartWith("name:DE:bäckerei klein");
        check["evaluation"]!["bureau"]!["report"]!.Get<int>("score").Should().Be(score);
        Rules(check).Should().Contain(("VatIdRequiredInCountry", "Passed")).And.NotContain(r => r.Outcome == "Rejected");
        // Whatever its score, no rule rejects it: band D is referred to a person, A–C approve 100 EUR.
        check.Get<string>("decision").Should().Be(score < 40 ? "Referred" : "Approved");
        if (score >= 40)
        {
            await approvals.FirstAsync(m => m.ContractId == request.ContractId);
        }
    }

    [Fact]
    public async Task A_Dutch_business_without_VAT_id_is_rejected_with_VatIdRequiredInCountry_as_quoting_refuses_it()
    {
        var rejections = await api.ObserveAsync<Contracts.CreditRejected>();
        var request = new CheckCredit(Guid.NewGuid(), new Customer("Voorbeeld B.V.", "NL", null, "ap@voorbeeld.example"), 5_000m, 36, Guid.NewGuid());

        await api.SendAsync(CreditApi.CheckCreditQueue, request);

        var check = await CheckedAsync(request.ContractId);
        check.Get<string>("decision").Should().Be("Rejected");
        check.Get<string>("reason").Should().StartWith("VatIdRequiredInCountry:");
        var (rejected, correlationId) = await rejections.FirstAsync(m => m.ContractId == request.ContractId);
        rejected.Reason.Should().Be(check.Get<string>("reason"));
        correlationId.Should().Be(request.ContractId);
    }

    [Fact]
    public async Task An_exposure_above_the_bands_limit_is_referred_announced_and_listed_for_review_with_the_rule_bureau_and_exposure()
    {
        var referrals = await api.ObserveAsync<Contracts.CreditReferredToManualReview>();
        var request = Request(150_000m, score: 70);

        await api.SendAsync(CreditApi.CheckCreditQueue, request);

        (await CheckedAsync(request.ContractId)).Get<string>("decision").Should().Be("Referred");
        var (referred, correlationId) = await referrals.FirstAsync(m => m.ContractId == request.ContractId);
        referred.Reason.Should().StartWith("ExposureWithinLimit:");
        correlationId.Should().Be(request.ContractId);
        var reviews = await _client.GetAsync("/reviews").ExpectAsync(HttpStatusCode.OK);
        reviews.AsArray().Select(r => r!.Get<string>("decision")).Should().OnlyContain(d => d == "Referred");
        var review = reviews.AsArray().Single(r => r!.Get<Guid>("id") == request.ContractId)!;
        review.Get<string>("kind").Should().Be("Deal");
        review["referredBy"]!.AsArray().Select(r => r!.Get<string>("rule")).Should().Equal("ExposureWithinLimit");
        review["bureau"]!["report"]!.Get<int>("score").Should().Be(70);
        review.Get<decimal>("exposureAtCheck").Should().Be(150_000m);
        review.Get<decimal>("currentExposure").Should().Be(150_000m, "a deal awaiting review counts towards its customer's exposure");
        review.Get<bool>("inDunning").Should().BeFalse();
    }

    [Fact]
    public async Task A_customers_earlier_deals_count_a_second_deal_over_the_limit_together_is_referred()
    {
        var vatId = Given.VatId(70);
        CheckCredit Deal(decimal exposure) => new(Guid.NewGuid(), new Customer("Zweimal GmbH", "DE", vatId, "ap@zweimal.example"), exposure, 36, Guid.NewGuid());
        var first = Deal(60_000m);
        var second = Deal(60_000m);

        await api.SendAsync(CreditApi.CheckCreditQueue, first);
        (await CheckedAsync(first.ContractId)).Get<string>("decision").Should().Be("Approved");
        await api.SendAsync(CreditApi.CheckCreditQueue, second);

        var check = await CheckedAsync(second.ContractId);
        check.Get<string>("decision").Should().Be("Referred");
        check["evaluation"]!.Get<decimal>("existingExposure").Should().Be(60_000m);
        check["evaluation"]!.Get<decimal>("totalExposure").Should().Be(120_000m);
    }

    [Fact]
    public async Task Two_first_deals_of_one_customer_checked_at_once_do_not_both_count_only_themselves()
    {
        var vatId = Given.VatId(70);
        CheckCredit Deal() => new(Guid.NewGuid(), new Customer("Gleichzeitig GmbH", "DE", vatId, "ap@gleichzeitig.example"), 60_000m, 36, Guid.NewGuid());
        var (first, second) = (Deal(), Deal());

        await Task.WhenAll(api.SendAsync(CreditApi.CheckCreditQueue, first), api.SendAsync(CreditApi.CheckCreditQueue, second));

        var decisions = new[] { await CheckedAsync(first.ContractId), await CheckedAsync(second.ContractId) };
        decisions.Select(d => d.Get<string>("decision")).Should().BeEquivalentTo(["Approved", "Referred"], "together they exceed band B's 100,000 EUR");
        var exposure = await Eventually.GetAsync(_client, $"/customers/vat%3A{vatId}/exposure", x => x.Get<decimal>("total") == 120_000m, "both deals count");
        exposure["contracts"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_bureau_that_does_not_answer_in_time_sends_the_case_to_manual_review_never_an_approval()
    {
        var referrals = await api.ObserveAsync<Contracts.CreditReferredToManualReview>();
        var approvals = await api.ObserveAsync<Contracts.CreditApproved>();
        var request = Request(1_000m, score: 99, name: $"{CreditApi.SlowCompany} Maschinenbau AG");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await api.SendAsync(CreditApi.CheckCreditQueue, request);

        var (referred, _) = await referrals.FirstAsync(m => m.ContractId == request.ContractId);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "two attempts of 300 ms, not the bureau's 30 s");
        referred.Reason.Should().Be("BureauAnswered: No credit report: the bureau did not answer in time; a person decides.");
        var check = await CheckedAsync(request.ContractId);
        check.Get<string>("decision").Should().Be("Referred");
        check["evaluation"]!["bureau"]!.Get<string>("unavailable").Should().Be("the bureau did not answer in time");
        approvals.Count(m => m.ContractId == request.ContractId).Should().Be(0);
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
