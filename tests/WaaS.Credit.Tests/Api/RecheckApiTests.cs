using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Credit.Checks.Rechecking;
using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>
/// New exposure, new check: an extension (credit re-checks on ContractExtended) and a successor (CheckCredit naming its
/// predecessor) are checked again, lightly (the stored bureau report) when the customer's standing is unchanged; a
/// customer in dunning is referred, not approved.
/// </summary>
[Collection(CreditApiCollection.Name)]
public sealed class RecheckApiTests(CreditApi api)
{
    private readonly HttpClient _distributor = api.CreateClient(As.Operations);

    /// <summary>An approved, active 24-month contract of 1,000 EUR a month.</summary>
    private static async Task<Guid> RunningAsync(CreditDeals deals)
    {
        var id = Guid.NewGuid();
        (await deals.CheckedAsync(id, 1_000m, 24)).Get<string>("decision").Should().Be("Approved");
        await deals.ActivatedAsync(id, 1_000m, 24);
        await deals.ExposureAsync(x => x["contracts"]!.AsArray().Any(c => c!.Get<string>("kind") == "Active"), "the contract is active");
        return id;
    }

    [Fact]
    public async Task An_extension_of_a_customer_whose_standing_is_unchanged_is_approved_lightly_from_the_stored_report()
    {
        var deals = new CreditDeals(api, score: 90);
        var id = await RunningAsync(deals);

        await deals.ExtendedAsync(id, 1_000m, 24, addedMonths: 6);

        var recheck = await deals.CheckAsync(RecheckExtension.CheckId(id, 1));
        recheck.Get<string>("decision").Should().Be("Approved");
        recheck.Get<string>("kind").Should().Be("Extension");
        recheck.Get<Guid>("contractId").Should().Be(id);
        recheck.Get<decimal>("exposure").Should().Be(6_000m);
        recheck["evaluation"]!["bureau"]!.Get<string>("source").Should().Be($"stored report of {api.Today:yyyy-MM-dd}");
        recheck["evaluation"]!.Get<decimal>("totalExposure").Should().Be(30_000m);
        (await deals.ExposureAsync(x => x.Get<decimal>("total") == 30_000m, "the extension's rates count")).Should().NotBeNull();
    }

    [Fact]
    public async Task An_extension_of_a_customer_in_dunning_is_referred_to_the_risk_team_who_decide_it_with_a_reason()
    {
        var deals = new CreditDeals(api, score: 90);
        var id = await RunningAsync(deals);
        await api.SendAsync(CreditApi.DebitReturnedQueue, new DebitReturned(id, 1_190m, api.Clock.GetUtcNow()));
        await deals.ExposureAsync(x => x.Get<bool>("inDunning"), "the customer is in dunning");

        await deals.ExtendedAsync(id, 1_000m, 24, addedMonths: 3);

        var checkId = RecheckExtension.CheckId(id, 1);
        var recheck = await deals.CheckAsync(checkId);
        recheck.Get<string>("decision").Should().Be("Referred");
        recheck.Get<string>("reason").Should().StartWith("NotInDunning:");
        var review = (await _distributor.GetAsync("/reviews").ExpectAsync(HttpStatusCode.OK)).AsArray().Single(r => r!.Get<Guid>("id") == checkId)!;
        review.Get<string>("kind").Should().Be("Extension");
        review.Get<Guid>("contractId").Should().Be(id);
        review.Get<bool>("inDunning").Should().BeTrue();
        review.Get<decimal>("currentExposure").Should().Be(24_000m + 3_000m + 1_190m);
        review["referredBy"]!.AsArray().Select(r => r!.Get<string>("rule")).Should().Equal("NotInDunning");

        var decided = await _distributor.Post($"/checks/{checkId}/review", new { approve = true, reason = "paid by transfer since", reviewedBy = "Risk Desk" })
            .ExpectAsync(HttpStatusCode.OK);
        decided.Get<string>("decision").Should().Be("Approved");
        decided.Get<string>("reason").Should().Be("paid by transfer since");
    }

    [Fact]
    public async Task A_successor_of_a_customer_whose_standing_is_unchanged_is_approved_lightly_and_its_predecessor_still_counts()
    {
        var deals = new CreditDeals(api, score: 70);
        var predecessor = await RunningAsync(deals);
        var approvals = await api.ObserveAsync<Contracts.CreditApproved>();
        var successor = Guid.NewGuid();

        var check = await deals.CheckedAsync(successor, 1_500m, 36, predecessor);

        check.Get<string>("decision").Should().Be("Approved");
        check.Get<string>("kind").Should().Be("Successor");
        check.Get<Guid>("predecessorId").Should().Be(predecessor);
        check["evaluation"]!["bureau"]!.Get<string>("source").Should().StartWith("stored report of");
        check["evaluation"]!.Get<decimal>("existingExposure").Should().Be(24_000m);
        check["evaluation"]!.Get<decimal>("totalExposure").Should().Be(78_000m);
        await approvals.FirstAsync(m => m.ContractId == successor);
    }

    [Fact]
    public async Task A_successor_of_a_customer_in_dunning_is_referred_and_the_deal_is_told()
    {
        var deals = new CreditDeals(api, score: 90);
        var predecessor = await RunningAsync(deals);
        await api.SendAsync(CreditApi.DebitReturnedQueue, new DebitReturned(predecessor, 1_190m, api.Clock.GetUtcNow()));
        await deals.ExposureAsync(x => x.Get<bool>("inDunning"), "the customer is in dunning");
        var referrals = await api.ObserveAsync<Contracts.CreditReferredToManualReview>();
        var successor = Guid.NewGuid();

        var check = await deals.CheckedAsync(successor, 500m, 12, predecessor);

        check.Get<string>("decision").Should().Be("Referred");
        var (referred, correlationId) = await referrals.FirstAsync(m => m.ContractId == successor);
        referred.Reason.Should().StartWith("NotInDunning:");
        correlationId.Should().Be(successor);
    }

    [Fact]
    public async Task A_successor_that_takes_the_customer_over_its_limit_is_referred_with_ExposureWithinLimit()
    {
        var deals = new CreditDeals(api, score: 70);
        var predecessor = await RunningAsync(deals);

        var check = await deals.CheckedAsync(Guid.NewGuid(), 2_500m, 36, predecessor);

        check.Get<string>("decision").Should().Be("Referred");
        check.Get<string>("reason").Should().StartWith("ExposureWithinLimit:");
    }
}
