using System.Net;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>
/// Who may read and decide credit: the distributor decides and sees the worklist; the owning reseller (and its parent)
/// reads its check with the reason but not the reviewer; anyone else finds nothing.
/// </summary>
[Collection(CreditApiCollection.Name)]
public sealed class AccessApiTests(CreditApi api)
{
    private readonly HttpClient _operations = api.CreateClient(As.Operations);

    /// <summary>A check of <paramref name="resellerId"/>'s deal; a customer of band D (score 20) is referred, one of band A (90) approved.</summary>
    private async Task<Guid> CheckedAsync(Guid? resellerId, decimal exposure = 150_000m, bool referred = true)
    {
        var request = new CheckCredit(Guid.NewGuid(), new Customer("Groß AG", "DE", Checks.Given.VatId(referred ? 20 : 90), "ap@gross.example", AccountId: Guid.NewGuid()),
            exposure, 36, resellerId);
        await api.SendAsync(CreditApi.CheckCreditQueue, request);
        await Eventually.GetAsync(_operations, $"/checks/{request.ContractId}", _ => true, "the check is recorded");
        return request.ContractId;
    }

    [Fact]
    public async Task Without_a_token_nothing_is_answered_but_401_TokenRequired()
    {
        var id = await CheckedAsync(Guid.NewGuid());
        var anonymous = api.CreateClient();

        var read = await anonymous.GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.Unauthorized);
        var review = await anonymous.Post($"/checks/{id}/review", new { approve = true, reason = "fine", reviewedBy = "Someone" }).ExpectAsync(HttpStatusCode.Unauthorized);

        Http.Rules(read).Should().Equal(("Authorization", "TokenRequired"));
        Http.Rules(review).Should().Equal(("Authorization", "TokenRequired"));
    }

    [Fact]
    public async Task A_reseller_may_not_decide_its_own_check_PartyNotAllowed_and_the_check_stays_referred()
    {
        var reseller = Guid.NewGuid();
        var id = await CheckedAsync(reseller);

        var problem = await api.CreateClient(As.Reseller(reseller)).Post($"/checks/{id}/review", new { approve = true, reason = "fine", reviewedBy = "The reseller" })
            .ExpectAsync(HttpStatusCode.Forbidden);

        Http.Rules(problem).Should().Equal(("Authorization", "PartyNotAllowed"));
        (await _operations.GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.OK)).Get<string>("decision").Should().Be("Referred");
        (await api.StreamAsync(id)).Should().HaveCount(2, "requested and referred; no review");
    }

    [Theory]
    [InlineData("reseller")]
    [InlineData("customer")]
    [InlineData("vendor")]
    public async Task Only_the_distributor_sees_the_review_worklist(string who)
    {
        var caller = who switch
        {
            "reseller" => As.Reseller(),
            "customer" => As.Customer(),
            _ => As.Vendor("Dell"),
        };

        var problem = await api.CreateClient(caller).GetAsync("/reviews").ExpectAsync(HttpStatusCode.Forbidden);

        Http.Rules(problem).Should().Equal(("Authorization", "PartyNotAllowed"));
    }

    [Fact]
    public async Task Finance_sees_the_worklist_too_with_every_resellers_referrals()
    {
        var first = await CheckedAsync(Guid.NewGuid());
        var second = await CheckedAsync(Guid.NewGuid());

        var reviews = await api.CreateClient(As.Finance).GetAsync("/reviews").ExpectAsync(HttpStatusCode.OK);

        reviews.AsArray().Select(r => r!.Get<Guid>("id")).Should().Contain([first, second]);
    }

    [Fact]
    public async Task The_owning_reseller_reads_its_check_with_the_reason_but_not_the_reviewer()
    {
        var reseller = Guid.NewGuid();
        var id = await CheckedAsync(reseller);
        await _operations.Post($"/checks/{id}/review", new { approve = false, reason = "group exposure too high", reviewedBy = "Risk Desk" })
            .ExpectAsync(HttpStatusCode.OK);

        var check = await api.CreateClient(As.Reseller(reseller)).GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.OK);
        var asDistributor = await _operations.GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.OK);

        check.Get<string>("decision").Should().Be("Rejected");
        check.Get<string>("reason").Should().Be("RejectedOnReview: group exposure too high");
        check.Get<Guid>("resellerId").Should().Be(reseller);
        check["reviewedBy"].Should().BeNull();
        check["evaluation"].Should().BeNull("the customer's exposure across resellers and its bureau report are the distributor's");
        check["customerKey"].Should().BeNull();
        asDistributor.Get<string>("reviewedBy").Should().Be("Risk Desk");
        asDistributor["evaluation"].Should().NotBeNull();
    }

    [Fact]
    public async Task Another_resellers_check_is_not_found_like_an_unknown_one()
    {
        var id = await CheckedAsync(Guid.NewGuid(), exposure: 5_000m, referred: false);

        var problem = await api.CreateClient(As.Reseller()).GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.NotFound);

        problem.Get<string>("title").Should().Be("Credit check not found.");
        problem.ToJsonString().Should().NotContain("Groß AG");
    }

    [Fact]
    public async Task A_reseller_reads_its_sub_resellers_check_but_the_sub_reseller_not_its_parents()
    {
        Guid parent = Guid.NewGuid(), sub = Guid.NewGuid();
        var subs = await CheckedAsync(sub, exposure: 5_000m, referred: false);
        var parents = await CheckedAsync(parent, exposure: 5_000m, referred: false);

        var read = await api.CreateClient(As.Reseller(parent, sub)).GetAsync($"/checks/{subs}").ExpectAsync(HttpStatusCode.OK);
        await api.CreateClient(As.SubReseller(parent, sub)).GetAsync($"/checks/{parents}").ExpectAsync(HttpStatusCode.NotFound);

        read.Get<string>("decision").Should().Be("Approved");
    }

    [Fact]
    public async Task A_check_requested_without_a_reseller_is_the_distributors_only()
    {
        var id = await CheckedAsync(null, exposure: 5_000m, referred: false);

        await api.CreateClient(As.Reseller()).GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.NotFound);
        (await _operations.GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.OK)).Get<Guid>("resellerId").Should().Be(Guid.Empty);
    }

    [Fact]
    public async Task A_customer_or_a_vendor_may_not_read_a_check()
    {
        var id = await CheckedAsync(Guid.NewGuid(), exposure: 5_000m, referred: false);

        var customer = await api.CreateClient(As.Customer()).GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.Forbidden);
        var vendor = await api.CreateClient(As.Vendor("Dell")).GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.Forbidden);

        Http.Rules(customer).Should().Equal(("Authorization", "PartyNotAllowed"));
        Http.Rules(vendor).Should().Equal(("Authorization", "PartyNotAllowed"));
    }
}
