using WaaS.Credit.Bureau;

namespace WaaS.Credit.Checks;

/// <summary>What a check is about: a new deal, a successor replacing a contract, or an extension of a running one.</summary>
public enum CheckKind
{
    Deal,
    Successor,
    Extension,
}

/// <summary>How a rule came out; the worst one decides (a rejection over a referral over a pass).</summary>
public enum RuleOutcome
{
    Passed,
    Referred,
    Rejected,
}

/// <summary>One input a rule looked at, as shown to a reviewer.</summary>
public sealed record RuleInput(string Name, string Value);

/// <summary>A named rule's result with the inputs it was evaluated on.</summary>
public sealed record RuleResult(string Rule, RuleOutcome Outcome, string Explanation, IReadOnlyList<RuleInput> Inputs)
{
    /// <summary>"Rule: explanation", the form the deal shows as the reason.</summary>
    public string Reason => $"{Rule}: {Explanation}";
}

/// <summary>
/// Everything the policy decided on, stored with the decision so it can be explained later: the customer (its
/// exposure key), its exposure before and with this check, its dunning, the bureau's answer (or why there was none),
/// the score band and limit, and every rule evaluated with its inputs and outcome.
/// </summary>
public sealed record CreditEvaluation(
    string CustomerKey,
    CheckKind Kind,
    decimal ExistingExposure,
    decimal NewExposure,
    decimal TotalExposure,
    bool InDunning,
    BureauAnswer Bureau,
    string? Band,
    decimal? Limit,
    IReadOnlyList<RuleResult> Rules)
{
    /// <summary>
    /// The worst rule's outcome; for an extension a rejection becomes a referral: the extension is already agreed, so a
    /// person decides what follows.
    /// </summary>
    public RuleOutcome Outcome
    {
        get
        {
            var worst = Rules.Count == 0 ? RuleOutcome.Passed : Rules.Max(r => r.Outcome);
            return Kind == CheckKind.Extension && worst == RuleOutcome.Rejected ? RuleOutcome.Referred : worst;
        }
    }

    /// <summary>The rejecting rule, or every referring one ("; "-separated); null when all passed.</summary>
    public string? Reason =>
        Rules.FirstOrDefault(r => r.Outcome == RuleOutcome.Rejected && Kind != CheckKind.Extension) is { } rejected ? rejected.Reason
        : Rules.Where(r => r.Outcome != RuleOutcome.Passed).Select(r => r.Reason).ToList() is { Count: > 0 } referred ? string.Join("; ", referred)
        : null;
}
