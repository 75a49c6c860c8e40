using FluentAssertions;
using WaaS.Credit.Checks;
using WaaS.Credit.Checks.Checking;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.Credit.Tests.Checks.Checking;

/// <summary>Given no check yet (or one), when CheckCredit arrives with the policy's evaluation, then the outcome is recorded with it and announced.</summary>
public sealed class CheckCreditTests
{
    private static readonly DateTimeOffset Now = Given.Now;

    [Fact]
    public void An_evaluation_where_every_rule_passes_is_approved_stores_the_evaluation_and_publishes_CreditApproved()
    {
        var request = Given.Request(100_000m);
        var evaluation = Given.Evaluation(100_000m, score: 90);

        var decision = CheckCreditConsumer.Decide(null, request, evaluation, Now);

        decision.Refused.Should().BeNull();
        decision.Events.Should().Equal(
            new CreditCheckRequested(request.ContractId, request.Customer, 100_000m, 36, Now, null, CheckKind.Deal, "vat:DE123456789"),
            new WaaS.Credit.Checks.CreditApproved(request.ContractId, 100_000m, null, null, Now, evaluation));
        decision.Messages.Should().Equal(new WaaS.Contracts.CreditApproved(request.ContractId, 100_000m, Now));
    }

    [Fact]
    public void A_referring_rule_refers_the_check_with_the_rule_as_reason()
    {
        var request = Given.Request(100_000.01m);

        var decision = CheckCreditConsumer.Decide(null, request, Given.Evaluation(100_000.01m, score: 70), Now);

        var referred = decision.Events[1].Should().BeOfType<WaaS.Credit.Checks.CreditReferredToManualReview>().Subject;
        referred.Reason.Should().StartWith("ExposureWithinLimit:");
        referred.Evaluation!.Rules.Should().Contain(r => r.Rule == "ExposureWithinLimit" && r.Outcome == RuleOutcome.Referred);
        decision.Messages.Should().Equal(new WaaS.Contracts.CreditReferredToManualReview(request.ContractId, 100_000.01m, referred.Reason, Now));
    }

    [Fact]
    public void A_rejecting_rule_rejects_and_CreditRejected_names_it()
    {
        var request = Given.Request(600_000m);

        var decision = CheckCreditConsumer.Decide(null, request, Given.Evaluation(600_000m), Now);

        var rejected = decision.Messages.Should().ContainSingle().Which.Should().BeOfType<WaaS.Contracts.CreditRejected>().Subject;
        rejected.Reason.Should().StartWith("ExposureWithinMaximum:");
        decision.Events[1].Should().BeOfType<WaaS.Credit.Checks.CreditRejected>().Which.Evaluation!.Outcome.Should().Be(RuleOutcome.Rejected);
    }

    [Fact]
    public void A_successor_is_recorded_as_such_with_its_predecessor()
    {
        var predecessor = Guid.NewGuid();
        var request = Given.Request(5_000m) with { PredecessorId = predecessor };
        var evaluation = CreditPolicy.Evaluate(Given.Facts(5_000m, kind: CheckKind.Successor));

        var decision = CheckCreditConsumer.Decide(null, request, evaluation, Now);

        var check = Given.Check((CreditCheckRequested)decision.Events[0], [.. decision.Events.Skip(1)]);
        check.Kind.Should().Be(CheckKind.Successor);
        check.PredecessorId.Should().Be(predecessor);
        check.Decision.Should().Be(CreditDecision.Approved);
    }

    [Fact]
    public void The_folded_check_shows_the_decision_its_reason_and_what_it_was_decided_on()
    {
        var request = Given.Request(180_000m);
        var evaluation = Given.Evaluation(180_000m, score: 25);
        var decision = CheckCreditConsumer.Decide(null, request, evaluation, Now);

        var check = Given.Check((CreditCheckRequested)decision.Events[0], [.. decision.Events.Skip(1)]);

        check.Decision.Should().Be(CreditDecision.Referred);
        check.Reason.Should().StartWith("ScoreBandAllowsApproval: The customer's credit rating allows no automatic approval; a person decides.; ExposureWithinLimit:");
        check.Evaluation.Should().Be(evaluation);
        check.ReferredAt.Should().Be(Now);
        check.CustomerKey.Should().Be("vat:DE123456789");
        check.ContractId.Should().Be(request.ContractId);
        check.ReviewedBy.Should().BeNull();
    }

    [Fact]
    public void A_contract_already_checked_is_refused_with_CheckOncePerContract_and_nothing_is_announced_again()
    {
        var existing = Given.Referred();

        var decision = CheckCreditConsumer.Decide(existing, Given.Request(500m) with { ContractId = existing.Id }, Given.Evaluation(500m), Now);

        decision.Refused.Should().Be(Refusal.Conflict("CheckOncePerContract", decision.Refused!.Message, "contractId"));
        decision.Events.Should().BeEmpty();
        decision.Messages.Should().BeEmpty();
    }
}
