using FluentAssertions;
using WaaS.Credit.Checks;
using WaaS.Credit.Checks.Checking;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Credit.Tests.Checks.Checking;

/// <summary>Given no check yet (or one), when CheckCredit arrives, then the policy's outcome is recorded and announced.</summary>
public sealed class CheckCreditTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [Fact]
    public void An_exposure_up_to_the_review_threshold_is_approved_and_CreditApproved_is_published()
    {
        var request = Given.Request(CreditPolicy.ManualReviewAbove);

        var decision = CheckCreditConsumer.Decide(null, request, Now);

        decision.Refused.Should().BeNull();
        decision.Events.Should().Equal(
            new CreditCheckRequested(request.ContractId, request.Customer, 100_000m, 36, Now),
            new WaaS.Credit.Checks.CreditApproved(request.ContractId, 100_000m, null, null, Now));
        decision.Messages.Should().Equal(new WaaS.Contracts.CreditApproved(request.ContractId, 100_000m, Now));
    }

    [Fact]
    public void An_exposure_above_the_review_threshold_is_referred_to_an_operator_with_ExposureNeedsReview()
    {
        var request = Given.Request(100_000.01m);

        var decision = CheckCreditConsumer.Decide(null, request, Now);

        var referred = decision.Events[1].Should().BeOfType<WaaS.Credit.Checks.CreditReferredToManualReview>().Subject;
        referred.Reason.Should().StartWith("ExposureNeedsReview:");
        decision.Messages.Should().Equal(new WaaS.Contracts.CreditReferredToManualReview(request.ContractId, 100_000.01m, referred.Reason, Now));
    }

    [Theory]
    [InlineData(250_000, "ExposureNeedsReview:")]
    [InlineData(250_000.01, "ExposureAboveLimit:")]
    public void The_limit_itself_is_still_reviewed_and_anything_above_it_is_rejected(decimal exposure, string reasonStart)
    {
        var decision = CheckCreditConsumer.Decide(null, Given.Request(exposure), Now);

        decision.Messages.Should().ContainSingle().Which.ToString().Should().Contain(reasonStart);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_customer_without_VAT_id_is_rejected_with_CustomerWithoutVatId_whatever_the_exposure(string? vatId)
    {
        var request = Given.Request(500m, vatId);

        var decision = CheckCreditConsumer.Decide(null, request, Now);

        var rejected = decision.Messages.Should().ContainSingle().Which.Should().BeOfType<WaaS.Contracts.CreditRejected>().Subject;
        rejected.Reason.Should().StartWith("CustomerWithoutVatId:");
        decision.Events[1].Should().Be(new WaaS.Credit.Checks.CreditRejected(request.ContractId, rejected.Reason, null, Now));
    }

    [Fact]
    public void The_folded_check_shows_the_policys_decision_and_reason()
    {
        var request = Given.Request(180_000m);
        var decision = CheckCreditConsumer.Decide(null, request, Now);

        var check = Given.Check((CreditCheckRequested)decision.Events[0], [.. decision.Events.Skip(1)]);

        check.Should().Be(new CreditCheck(request.ContractId, "Muster GmbH", "DE", 180_000m, CreditDecision.Referred,
            "ExposureNeedsReview: 180000.00 EUR is above 100000.00 EUR; an operator decides.", Now));
        check.ReviewedBy.Should().BeNull();
    }

    [Fact]
    public void A_contract_already_checked_is_refused_with_CheckOncePerContract_and_nothing_is_announced_again()
    {
        var existing = Given.Referred();

        var decision = CheckCreditConsumer.Decide(existing, Given.Request(500m) with { ContractId = existing.Id }, Now);

        decision.Refused.Should().Be(Refusal.Conflict("CheckOncePerContract", decision.Refused!.Message, "contractId"));
        decision.Events.Should().BeEmpty();
        decision.Messages.Should().BeEmpty();
    }
}
