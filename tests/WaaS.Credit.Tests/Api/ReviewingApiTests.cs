using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FluentAssertions;
using WaaS.Contracts;
using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>An operator decides a referred check; every refusal answers its problem and stores nothing.</summary>
[Collection(CreditApiCollection.Name)]
public sealed class ReviewingApiTests(CreditApi api)
{
    private readonly HttpClient _operator = api.CreateOperatorClient();
    private readonly HttpClient _distributor = api.CreateClient(As.Finance);

    /// <summary>A check the policy referred (150,000 EUR is above band B's limit of 100,000 EUR: score 70).</summary>
    private async Task<Guid> ReferredAsync()
    {
        var request = new CheckCredit(Guid.NewGuid(), new Customer("Groß AG", "DE", Checks.Given.VatId(70), "ap@gross.example"), 150_000m, 36);
        await api.SendAsync(CreditApi.CheckCreditQueue, request);
        await Eventually.GetAsync(_distributor, $"/checks/{request.ContractId}", _ => true, "the check is referred");
        return request.ContractId;
    }

    private Task<JsonNode> CheckAsync(Guid id) => _distributor.GetAsync($"/checks/{id}").ExpectAsync(HttpStatusCode.OK);

    private async Task<IReadOnlyList<Guid>> AwaitingReviewAsync() =>
        [.. (await _distributor.GetAsync("/reviews").ExpectAsync(HttpStatusCode.OK)).AsArray().Select(r => r!.Get<Guid>("id"))];

    [Fact]
    public async Task An_operators_approval_decides_the_check_and_publishes_CreditApproved_correlated_by_contract()
    {
        var approvals = await api.ObserveAsync<Contracts.CreditApproved>();
        var id = await ReferredAsync();

        var check = await _operator.Post($"/checks/{id}/review", new { approve = true, reason = "known customer", reviewedBy = " Risk Desk " }).ExpectAsync(HttpStatusCode.OK);

        check.Get<string>("decision").Should().Be("Approved");
        check.Get<string>("reviewedBy").Should().Be("Risk Desk");
        (await CheckAsync(id)).Get<string>("decision").Should().Be("Approved");
        (await AwaitingReviewAsync()).Should().NotContain(id);
        var (approved, correlationId) = await approvals.FirstAsync(m => m.ContractId == id);
        approved.Exposure.Should().Be(150_000m);
        correlationId.Should().Be(id);
    }

    [Fact]
    public async Task An_operators_rejection_gives_its_reason_and_publishes_CreditRejected()
    {
        var rejections = await api.ObserveAsync<Contracts.CreditRejected>();
        var id = await ReferredAsync();

        var check = await _operator.Post($"/checks/{id}/review", new { approve = false, reason = "group exposure too high", reviewedBy = "Risk Desk" })
            .ExpectAsync(HttpStatusCode.OK);

        check.Get<string>("decision").Should().Be("Rejected");
        check.Get<string>("reason").Should().Be("RejectedOnReview: group exposure too high");
        var (rejected, correlationId) = await rejections.FirstAsync(m => m.ContractId == id);
        rejected.Reason.Should().Be("RejectedOnReview: group exposure too high");
        correlationId.Should().Be(id);
    }

    [Fact]
    public async Task Deciding_a_check_twice_is_refused_with_ReviewOnlyReferredChecks_and_changes_nothing()
    {
        var id = await ReferredAsync();
        await _operator.Post($"/checks/{id}/review", new { approve = true, reason = "known customer", reviewedBy = "Risk Desk" }).ExpectAsync(HttpStatusCode.OK);

        var problem = await _operator.Post($"/checks/{id}/review", new { approve = false, reason = "changed my mind", reviewedBy = "Other Desk" })
            .ExpectAsync(HttpStatusCode.Conflict);

        Http.Rules(problem).Should().Equal(("decision", "ReviewOnlyReferredChecks"));
        var check = await CheckAsync(id);
        check.Get<string>("decision").Should().Be("Approved");
        check.Get<string>("reviewedBy").Should().Be("Risk Desk");
        (await api.StreamAsync(id)).Should().HaveCount(3, "requested, referred, approved once");
    }

    [Fact]
    public async Task A_review_without_approve_or_reviewer_names_both_fields_and_stores_nothing()
    {
        var id = await ReferredAsync();

        var problem = await _operator.Post($"/checks/{id}/review", new { reason = "?" }).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().BeEquivalentTo([("approve", "Required"), ("reviewedBy", "Required")]);
        (await CheckAsync(id)).Get<string>("decision").Should().Be("Referred");
        (await AwaitingReviewAsync()).Should().Contain(id);
    }

    [Fact]
    public async Task A_rejection_without_reason_is_refused_with_reason_Required_and_stores_nothing()
    {
        var id = await ReferredAsync();

        var problem = await _operator.Post($"/checks/{id}/review", new { approve = false, reviewedBy = "Risk Desk" }).ExpectAsync(HttpStatusCode.BadRequest);

        Http.Rules(problem).Should().Equal(("reason", "Required"));
        (await CheckAsync(id)).Get<string>("decision").Should().Be("Referred");
        (await api.StreamAsync(id)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Reviewing_an_unknown_check_is_not_found()
    {
        var problem = await _operator.Post($"/checks/{Guid.NewGuid()}/review", new { approve = true, reason = "known customer", reviewedBy = "Risk Desk" })
            .ExpectAsync(HttpStatusCode.NotFound);

        problem.Get<string>("title").Should().Be("Credit check not found.");
    }

    [Fact]
    public async Task A_review_against_a_stale_version_is_refused_with_ExpectedVersion_and_stores_nothing()
    {
        var id = await ReferredAsync();
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/checks/{id}/review")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { approve = true, reason = "known customer", reviewedBy = "Risk Desk" }),
            Headers = { IfMatch = { new EntityTagHeaderValue("\"1\"") } },
        };

        var problem = await _operator.SendAsync(stale).ExpectAsync(HttpStatusCode.Conflict);

        Http.Rules(problem).Should().Equal(("If-Match", "ExpectedVersion"));
        (await CheckAsync(id)).Get<string>("decision").Should().Be("Referred");
    }
}
