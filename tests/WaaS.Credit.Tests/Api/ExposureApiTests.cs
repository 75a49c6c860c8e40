using System.Net;
using System.Text.Json.Nodes;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>
/// The customer's total exposure across its contracts, kept from credit's decisions and the contract and billing
/// events (each sent to credit's queue), and shown to the distributor only.
/// </summary>
[Collection(CreditApiCollection.Name)]
public sealed class ExposureApiTests(CreditApi api)
{
    private static decimal Total(JsonNode exposure) => exposure.Get<decimal>("total");

    private static IEnumerable<(Guid, string, decimal)> Lines(JsonNode exposure) =>
        exposure["contracts"]!.AsArray().Select(c => (c!.Get<Guid>("contractId"), c!.Get<string>("kind"), c!.Get<decimal>("open")));

    [Fact]
    public async Task The_exposure_follows_approval_activation_a_returned_debit_its_clearing_and_an_early_termination_with_its_fee()
    {
        var deals = new CreditDeals(api, score: 90);
        var id = Guid.NewGuid();

        (await deals.CheckedAsync(id, 1_000m, 36)).Get<string>("decision").Should().Be("Approved");
        var approved = await deals.ExposureAsync(x => Total(x) == 36_000m, "the approved deal counts in full");
        Lines(approved).Should().Equal((id, "Deal", 36_000m));
        approved["lastReport"]!.Get<int>("score").Should().Be(90);

        await deals.ActivatedAsync(id, 1_000m, 36);
        var active = await deals.ExposureAsync(x => Lines(x).Any(l => l.Item2 == "Active"), "the active contract's rates count");
        Lines(active).Should().Equal((id, "Active", 36_000m));
        active["contracts"]![0]!.Get<int>("remainingRates").Should().Be(36);

        await api.SendAsync(CreditApi.DebitReturnedQueue, new DebitReturned(id, 1_190m, api.Clock.GetUtcNow(), "MD06"));
        var dunning = await deals.ExposureAsync(x => x.Get<bool>("inDunning"), "the returned debit puts the customer in dunning");
        Total(dunning).Should().Be(37_190m);
        dunning.Get<decimal>("overdue").Should().Be(1_190m);

        await api.SendAsync(CreditApi.DunningClearedQueue, new DunningCleared(id, api.Clock.GetUtcNow()));
        Total(await deals.ExposureAsync(x => !x.Get<bool>("inDunning"), "dunning ends")).Should().Be(36_000m);

        await api.SendAsync(CreditApi.ContractEndedQueue, new ContractEnded(id, deals.ResellerId, ContractEndReason.TerminatedEarly, api.Today, 5_000m, [],
            api.Clock.GetUtcNow()));
        var ended = await deals.ExposureAsync(x => Lines(x).Any(l => l.Item2 == "TerminationFee"), "the termination fee replaces the rates");
        Lines(ended).Should().Equal((id, "TerminationFee", 5_000m));
        Total(ended).Should().Be(5_000m);
    }

    [Fact]
    public async Task A_rejected_and_a_cancelled_deal_no_longer_count()
    {
        var deals = new CreditDeals(api, score: 90);
        Guid rejected = Guid.NewGuid(), cancelled = Guid.NewGuid(), kept = Guid.NewGuid();
        await deals.CheckedAsync(rejected, 100m, 36);
        await deals.CheckedAsync(cancelled, 200m, 36);
        await deals.CheckedAsync(kept, 300m, 36);
        await deals.ExposureAsync(x => Total(x) == 21_600m, "three deals count");

        await api.SendAsync(CreditApi.DealRejectedQueue, new DealRejected(rejected, "signature missing", api.Clock.GetUtcNow()));
        await api.SendAsync(CreditApi.DealCancelledQueue, new DealCancelled(cancelled, "customer withdrew", api.Clock.GetUtcNow()));

        var exposure = await deals.ExposureAsync(x => Total(x) == 10_800m, "only the kept deal counts");
        Lines(exposure).Should().Equal((kept, "Deal", 10_800m));
    }

    [Fact]
    public async Task A_customers_exposure_is_the_distributors_to_read_only()
    {
        var deals = new CreditDeals(api, score: 90);
        await deals.CheckedAsync(Guid.NewGuid(), 100m, 12);
        var path = $"/customers/{Uri.EscapeDataString(deals.Key)}/exposure";

        var finance = await api.CreateClient(As.Finance).GetAsync(path).ExpectAsync(HttpStatusCode.OK);
        var reseller = await api.CreateClient(As.Reseller(deals.ResellerId)).GetAsync(path).ExpectAsync(HttpStatusCode.Forbidden);
        await api.CreateClient().GetAsync(path).ExpectAsync(HttpStatusCode.Unauthorized);

        finance.Get<string>("customerKey").Should().Be(deals.Key);
        Http.Rules(reseller).Should().Equal(("Authorization", "PartyNotAllowed"));
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found()
    {
        var problem = await api.CreateClient(As.Operations).GetAsync("/customers/vat%3ADE000000000/exposure").ExpectAsync(HttpStatusCode.NotFound);

        problem.Get<string>("title").Should().Be("Customer exposure not found.");
    }
}
