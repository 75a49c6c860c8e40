using FluentAssertions;
using WaaS.Credit.Checks;
using WaaS.Credit.Checks.Reviewing;
using WaaS.Credit.Customers;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Credit.Tests.Checks.Reviewing;

/// <summary>Given a referred (or decided) check, when an operator reviews it, then the decision or the refusal.</summary>
public sealed class ReviewCreditTests
{
    private static readonly DateTimeOffset Later = Given.Now.AddHours(3);

    [Fact]
    public void Approving_a_referred_check_records_the_reviewer_and_reason_and_publishes_CreditApproved()
    {
        var check = Given.Referred(120_000m);

        var decision = ReviewCredit.Decide(check, new ReviewRequest(true, " known customer ", " Risk Desk "), Later);

        decision.Events.Should().Equal(new WaaS.Credit.Checks.CreditApproved(check.Id, 120_000m, "known customer", "Risk Desk", Later));
        decision.Messages.Should().Equal(new WaaS.Contracts.CreditApproved(check.Id, 120_000m, Later));
        var reviewed = check.Apply((WaaS.Credit.Checks.CreditApproved)decision.Events[0]);
        reviewed.Decision.Should().Be(CreditDecision.Approved);
        reviewed.ReviewedBy.Should().Be("Risk Desk");
        reviewed.Evaluation.Should().Be(check.Evaluation, "the policy's evaluation stays beside the reviewer's decision");
    }

    [Fact]
    public void Approving_on_conditions_a_shorter_term_and_a_deposit_announces_them_to_the_deal()
    {
        var check = Given.Referred(120_000m);

        var decision = ReviewCredit.Decide(check, new ReviewRequest(true, "only with a deposit and 24 months", "Risk Desk", 24, 10_000m), Later);

        decision.Messages.Should().Equal(new WaaS.Contracts.CreditApproved(check.Id, 120_000m, Later, 24, 10_000m));
        var reviewed = check.Apply((WaaS.Credit.Checks.CreditApproved)decision.Events[0]);
        reviewed.MaximumTermMonths.Should().Be(24);
        reviewed.SecurityDeposit.Should().Be(10_000m);
    }

    [Fact]
    public void A_term_condition_must_shorten_the_term_LowerTermOnly()
    {
        var check = Given.Referred();

        var decision = ReviewCredit.Decide(check, new ReviewRequest(true, "ok", "Risk Desk", 36), Later);

        decision.Refused.Should().Be(Refusal.Broken("LowerTermOnly", decision.Refused!.Message, "maximumTermMonths"));
    }

    [Fact]
    public void Conditions_belong_to_an_approval_and_must_be_positive()
    {
        ReviewCredit.Validate(new ReviewRequest(false, "no", "Risk Desk", 12))!.Errors!.Select(e => (e.Field, e.Rule)).Should().Equal(("approve", "ConditionsOnlyOnApproval"));
        ReviewCredit.Validate(new ReviewRequest(true, "ok", "Risk Desk", 0, -1m))!.Errors!.Select(e => (e.Field, e.Rule))
            .Should().Equal(("maximumTermMonths", "Positive"), ("securityDeposit", "Positive"));
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
    public void Reviewing_an_extensions_recheck_records_the_decision_and_tells_the_deal_nothing()
    {
        var check = Given.Referred() with { Kind = CheckKind.Extension };

        ReviewCredit.Decide(check, new ReviewRequest(false, "dunning", "Risk Desk"), Later).Messages.Should().BeEmpty();
        ReviewCredit.Decide(check, new ReviewRequest(true, "paid since", "Risk Desk"), Later).Messages.Should().BeEmpty();
    }

    [Fact]
    public void The_deals_part_of_the_exposure_goes_when_rejected_and_shrinks_with_a_shorter_term_and_a_deposit()
    {
        var check = Given.Referred(36_000m);
        var exposure = new CustomerExposure();
        exposure.Deal(check.ContractId, 36_000m, 36, Given.Now);

        ReviewCredit.Reviewed(exposure, check, new ReviewRequest(true, "ok", "Risk Desk", 24, 4_000m), Later);
        exposure.Total(Given.Today).Should().Be(20_000m);

        ReviewCredit.Reviewed(exposure, check, new ReviewRequest(false, "no", "Risk Desk"), Later);
        exposure.Total(Given.Today).Should().Be(0m);
    }

    [Fact]
    public void A_review_without_approve_reviewer_or_reason_names_each_field()
    {
        var refused = ReviewCredit.Validate(new ReviewRequest(null, null, " "));

        refused!.Kind.Should().Be(RefusalKind.Invalid);
        refused.Errors!.Select(e => (e.Field, e.Rule)).Should().Equal(("approve", "Required"), ("reviewedBy", "Required"), ("reason", "Required"));
    }

    [Fact]
    public void Every_decision_needs_a_reason_an_approval_too()
    {
        ReviewCredit.Validate(new ReviewRequest(false, "", "Risk Desk"))!.Errors!.Select(e => (e.Field, e.Rule)).Should().Equal(("reason", "Required"));
        ReviewCredit.Validate(new ReviewRequest(true, null, "Risk Desk"))!.Errors!.Select(e => (e.Field, e.Rule)).Should().Equal(("reason", "Required"));
        ReviewCredit.Validate(new ReviewRequest(true, "known customer", "Risk Desk")).Should().BeNull();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_check_already_decided_is_refused_with_ReviewOnlyReferredChecks(bool approvedOnReview)
    {
        var referred = Given.Referred();
        var first = ReviewCredit.Decide(referred, new ReviewRequest(approvedOnReview, "first", "Risk Desk"), Later);
        var decided = first.Events[0] switch
        {
            WaaS.Credit.Checks.CreditApproved a => referred.Apply(a),
            WaaS.Credit.Checks.CreditRejected r => referred.Apply(r),
            _ => throw new InvalidOperationException(),
        };

        var again = ReviewCredit.Decide(decided, new ReviewRequest(true, "second", "Second Desk"), Later.AddMinutes(1));

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
