using FluentAssertions;
using WaaS.Credit.Bureau;
using WaaS.Credit.Checks;
using WaaS.Credit.Checks.Checking;
using Xunit;

namespace WaaS.Credit.Tests.Checks.Checking;

/// <summary>The named rules: per score band and its limit, the maximum, insolvency, dunning, the bureau, country and VAT id.</summary>
public sealed class CreditPolicyTests
{
    private static RuleResult Rule(CreditEvaluation e, string name) => e.Rules.Single(r => r.Rule == name);

    [Theory]
    [InlineData(100, "A")]
    [InlineData(80, "A")]
    [InlineData(79, "B")]
    [InlineData(60, "B")]
    [InlineData(59, "C")]
    [InlineData(40, "C")]
    [InlineData(39, "D")]
    [InlineData(0, "D")]
    public void Scores_fall_into_bands_A_80_B_60_C_40_and_D_below(int score, string band)
    {
        CreditPolicy.BandOf(score).Name.Should().Be(band);
        CreditPolicy.Evaluate(Given.Facts(1_000m, score)).Band.Should().Be(band);
    }

    [Theory]
    [InlineData(90, 250_000, RuleOutcome.Passed)]
    [InlineData(90, 250_000.01, RuleOutcome.Referred)]
    [InlineData(70, 100_000, RuleOutcome.Passed)]
    [InlineData(70, 100_000.01, RuleOutcome.Referred)]
    [InlineData(50, 25_000, RuleOutcome.Passed)]
    [InlineData(50, 25_000.01, RuleOutcome.Referred)]
    public void Each_band_approves_up_to_its_limit_and_refers_above_it_with_ExposureWithinLimit(int score, decimal exposure, RuleOutcome outcome)
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(exposure, score));

        evaluation.Outcome.Should().Be(outcome);
        Rule(evaluation, "ExposureWithinLimit").Outcome.Should().Be(outcome);
        if (outcome == RuleOutcome.Referred)
        {
            evaluation.Reason.Should().StartWith("ExposureWithinLimit:");
        }
    }

    [Fact]
    public void Band_D_is_referred_even_for_a_small_deal_with_ScoreBandAllowsApproval()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(500m, score: 39));

        evaluation.Outcome.Should().Be(RuleOutcome.Referred);
        evaluation.Reason.Should().StartWith("ScoreBandAllowsApproval:");
        Rule(evaluation, "ScoreBandAllowsApproval").Inputs.Should().Contain([new RuleInput("score", "39"), new RuleInput("band", "D")]);
    }

    [Fact]
    public void The_limit_is_the_bureaus_recommendation_when_lower_than_the_bands()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(60_000m, bureau: Given.Report(90, limit: 50_000m)));

        evaluation.Limit.Should().Be(50_000m);
        evaluation.Outcome.Should().Be(RuleOutcome.Referred);
        Rule(evaluation, "ExposureWithinLimit").Inputs.Should().Contain([new RuleInput("bandLimit", "250000.00"), new RuleInput("bureauLimit", "50000.00"), new RuleInput("limit", "50000.00")]);
    }

    [Fact]
    public void The_customers_existing_exposure_counts_towards_the_limit()
    {
        var alone = CreditPolicy.Evaluate(Given.Facts(20_000m, score: 70));
        var withOthers = CreditPolicy.Evaluate(Given.Facts(20_000m, score: 70, existing: 90_000m));

        alone.Outcome.Should().Be(RuleOutcome.Passed);
        withOthers.Outcome.Should().Be(RuleOutcome.Referred);
        withOthers.TotalExposure.Should().Be(110_000m);
        Rule(withOthers, "ExposureWithinLimit").Inputs.Should().Contain([new RuleInput("existingExposure", "90000.00"), new RuleInput("newExposure", "20000.00")]);
    }

    [Fact]
    public void Above_the_maximum_of_500000_the_check_is_rejected_whatever_the_band()
    {
        CreditPolicy.Evaluate(Given.Facts(500_000m, score: 99)).Rules.Should().Contain(r => r.Rule == "ExposureWithinMaximum" && r.Outcome == RuleOutcome.Passed);
        var evaluation = CreditPolicy.Evaluate(Given.Facts(100_000m, score: 99, existing: 400_000.01m));

        evaluation.Outcome.Should().Be(RuleOutcome.Rejected);
        evaluation.Reason.Should().StartWith("ExposureWithinMaximum:");
    }

    [Fact]
    public void A_reason_the_reseller_sees_names_no_score_limit_or_total_exposure_the_inputs_do()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(30_000m, score: 45, existing: 12_345m));

        evaluation.Reason.Should().Be("ExposureWithinLimit: The customer's total exposure would exceed its credit limit; a person decides.");
        evaluation.Reason.Should().NotContain("45").And.NotContain("42345").And.NotContain("25000");
        Rule(evaluation, "ExposureWithinLimit").Inputs.Should().Contain(new RuleInput("totalExposure", "42345.00"));
    }

    [Fact]
    public void An_insolvent_customer_is_rejected_with_NoInsolvency()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(1_000m, bureau: Given.Report(85, insolvent: true)));

        evaluation.Outcome.Should().Be(RuleOutcome.Rejected);
        evaluation.Reason.Should().StartWith("NoInsolvency:");
    }

    [Fact]
    public void A_customer_in_dunning_is_referred_with_NotInDunning_not_approved()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(1_000m, score: 95, inDunning: true));

        evaluation.Outcome.Should().Be(RuleOutcome.Referred);
        evaluation.Reason.Should().Be("NotInDunning: The customer is in dunning (a debit came back); a person decides.");
    }

    [Fact]
    public void Without_a_bureau_report_nothing_is_approved_BureauAnswered_refers_and_the_report_rules_are_not_evaluated()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(1_000m, bureau: BureauAnswer.None("the bureau did not answer in time")));

        evaluation.Outcome.Should().Be(RuleOutcome.Referred);
        evaluation.Reason.Should().Be("BureauAnswered: No credit report: the bureau did not answer in time; a person decides.");
        evaluation.Rules.Select(r => r.Rule).Should().NotContain(["NoInsolvency", "ScoreBandAllowsApproval", "ExposureWithinLimit"]);
        evaluation.Band.Should().BeNull();
    }

    [Fact]
    public void A_German_business_without_VAT_id_is_decided_on_its_merits_as_quoting_accepts_it()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(10_000m, score: 75, customer: Given.Customer(vatId: null)));

        evaluation.Outcome.Should().Be(RuleOutcome.Passed);
        evaluation.CustomerKey.Should().Be("name:DE:muster gmbh");
        Rule(evaluation, "VatIdRequiredInCountry").Inputs.Should().Contain(new RuleInput("required", "no"));
    }

    [Theory]
    [InlineData("NL")]
    [InlineData("AT")]
    [InlineData("BE")]
    public void A_business_without_VAT_id_where_the_country_requires_one_is_rejected_with_VatIdRequiredInCountry(string country)
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(1_000m, customer: Given.Customer(vatId: null, country: country)));

        evaluation.Outcome.Should().Be(RuleOutcome.Rejected);
        evaluation.Reason.Should().StartWith("VatIdRequiredInCountry:");
    }

    [Theory]
    [InlineData("DE12345678")]
    [InlineData("NL123456789")]
    public void A_malformed_VAT_id_is_rejected_with_VatIdFormat(string vatId)
    {
        var country = vatId[..2];

        CreditPolicy.Evaluate(Given.Facts(1_000m, customer: Given.Customer(vatId, country))).Reason.Should().StartWith("VatIdFormat:");
    }

    [Fact]
    public void A_country_the_distributor_does_not_rent_in_is_rejected_with_CountryAllowed()
    {
        CreditPolicy.Evaluate(Given.Facts(1_000m, customer: Given.Customer("FR12345678901", "FR"))).Reason.Should().StartWith("CountryAllowed:");
    }

    [Fact]
    public void An_extension_is_never_rejected_automatically_but_referred_with_the_rejecting_rule_named()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(1_000m, bureau: Given.Report(85, insolvent: true), kind: CheckKind.Extension));

        evaluation.Outcome.Should().Be(RuleOutcome.Referred);
        evaluation.Reason.Should().StartWith("NoInsolvency:");
    }

    [Fact]
    public void Every_rule_evaluated_is_stored_with_its_inputs()
    {
        var evaluation = CreditPolicy.Evaluate(Given.Facts(10_000m, score: 90));

        evaluation.Rules.Select(r => r.Rule).Should().Equal("CountryAllowed", "VatIdRequiredInCountry", "VatIdFormat", "NotInDunning", "BureauAnswered",
            "NoInsolvency", "ScoreBandAllowsApproval", "ExposureWithinMaximum", "ExposureWithinLimit");
        evaluation.Rules.Should().OnlyContain(r => r.Inputs.Count > 0 && r.Outcome == RuleOutcome.Passed);
        evaluation.Reason.Should().BeNull();
    }
}
