using WaaS.ServiceDefaults.Writes;

namespace WaaS.Credit.Checks;

/// <summary>A contract is checked once; only a check the policy referred is decided by an operator, and only once.</summary>
public static class CreditCheckRules
{
    /// <summary>A CheckCredit replayed under a new message id must not decide (and announce) the contract's credit again.</summary>
    public static Refusal? CheckOncePerContract(CreditCheck? existing) => existing is null ? null
        : Refusal.Conflict("CheckOncePerContract", $"The credit of contract {existing.Id} was already checked: {existing.Decision}.", "contractId");

    public static Refusal? ReviewOnlyReferredChecks(CreditCheck check) => check.Decision == CreditDecision.Referred ? null
        : Refusal.Conflict("ReviewOnlyReferredChecks", $"The check is already {check.Decision}.", "decision");
}
