using FluentAssertions;
using WaaS.Credit.Checks;
using WaaS.Credit.Checks.Reviewing;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Credit.Tests.Checks.Reviewing;

/// <summary>Given a referred (or decided) check, when an operator reviews it, then the decision or the refusal.</summary>
public sealed class ReviewCreditTests
{
    private static readonly DateTimeOffset Later = Given.Now.AddHours(3);

    [Fact]
    public void Approving_a_referred_check_records_the_reviewer_and_publishes_CreditApproved()
    {
        var check = Given.Referred(120_000m);

        var decision = ReviewCredit.Decide(check, new ReviewRequest(true, "known customer", " Risk Desk "), Later);

        decision.Events.Should().Equal(new WaaS.Credit.Checks.CreditApproved(check.Id, 120_000m, "known customer", "Risk Desk", Later));
        decision.Messages.Should().Equal(new WaaS.Contracts.CreditApproved(check.Id, 120_000m, Later));
        var reviewed = Given.Check(new CreditCheckRequested(check.Id, Given.Customer(), 120_000m, 36, Given.Now), decision.Events[0]);
        reviewed.Decision.Should().Be(CreditDecision.Approved);
        reviewed.ReviewedBy.Should().Be("Risk Desk");
    }

    [Fact]
    public void Rejecting_a_referred_check_gives_the_reason_as_RejectedOnReview_and_publishes_CreditRejected()
    {
        var check = Given.Referred();

        var decision = ReviewCredit.Decide(check, new ReviewRequest(false, " group exposure too high ", "Risk Desk"), Later);

        const string reason = "RejectedOnReview: group exposure too high";
        decision.Events.Should().Equal(new WaaS.Credit.Checks.CreditRejected(check.Id, reason, "Risk Desk", Later));
        decision.Messages.Should().Equal(new WaaS.Contracts.CreditRejected(check.Id, reason, Later));
    }

    [Fact]
    public void A_review_without_approve_or_reviewer_names_both_fields()
    {
        var refused = ReviewCredit.Validate(new ReviewRequest(null, null, " "));

        refused!.Kind.Should().Be(RefusalKind.Invalid);
        refused.Errors!.Select(e => (e.Field, e.Rule)).Should().Equal(("approve", "Required"), ("reviewedBy", "Required"));
    }

    [Fact]
    public void A_rejection_without_reason_is_refused_but_an_approval_needs_none()
    {
        ReviewCredit.Validate(new ReviewRequest(false, "", "Risk Desk"))!.Errors!.Select(e => (e.Field, e.Rule)).Should().Equal(("reason", "Required"));
        ReviewCredit.Validate(new ReviewRequest(true, null, "Risk Desk")).Should().BeNull();
        ReviewCredit.Decide(Given.Referred(), new ReviewRequest(false, null, "Risk Desk"), Later).Refused!.Rule.Should().Be("Required");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_check_already_decided_is_refused_with_ReviewOnlyReferredChecks(bool approvedOnReview)
    {
        var referred = Given.Referred();
        var first = ReviewCredit.Decide(referred, new ReviewRequest(approvedOnReview, "first", "Risk Desk"), Later);
        var decided = Given.Check(new CreditCheckRequested(referred.Id, Given.Customer(), referred.Exposure, 36, Given.Now), first.Events[0]);

        var again = ReviewCredit.Decide(decided, new ReviewRequest(true, null, "Second Desk"), Later.AddMinutes(1));

        again.Refused.Should().Be(Refusal.Conflict("ReviewOnlyReferredChecks", again.Refused!.Message, "decision"));
        again.Events.Should().BeEmpty();
        again.Messages.Should().BeEmpty();
    }

    [Fact]
    public void A_check_the_policy_approved_is_not_for_review()
    {
        var id = Guid.NewGuid();
        var approved = Given.Check(new CreditCheckRequested(id, Given.Customer(), 500m, 36, Given.Now),
            new WaaS.Credit.Checks.CreditApproved(id, 500m, null, null, Given.Now));

        CreditCheckRules.ReviewOnlyReferredChecks(approved)!.Message.Should().Be("The check is already Approved.");
        CreditCheckRules.ReviewOnlyReferredChecks(Given.Referred()).Should().BeNull();
    }
}
