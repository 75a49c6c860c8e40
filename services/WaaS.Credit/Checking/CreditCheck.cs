using WaaS.Contracts;

namespace WaaS.Credit.Checking;

public enum CreditDecision
{
    Approved,
    Rejected,
    Referred,
}

/// <summary>The credit decision for one contract (stream id = contract id).</summary>
public sealed record CreditCheck(Guid Id, string CustomerName, string Country, decimal Exposure, CreditDecision Decision, string? Reason, DateTimeOffset DecidedAt)
{
    /// <summary>The operator who decided a referred check, if one did.</summary>
    public string? ReviewedBy { get; init; }

    public static CreditCheck Create(CreditCheckDecided e) =>
        new(e.ContractId, e.Customer.CompanyName, e.Customer.Country, e.Exposure, e.Decision, e.Reason, e.DecidedAt);

    public CreditCheck Apply(CreditReviewDecided e) =>
        this with { Decision = e.Decision, Reason = e.Reason, DecidedAt = e.DecidedAt, ReviewedBy = e.ReviewedBy };
}

public sealed record CreditReviewDecided(Guid ContractId, CreditDecision Decision, string? Reason, string ReviewedBy, DateTimeOffset DecidedAt);

public sealed record CreditCheckDecided(Guid ContractId, Customer Customer, decimal Exposure, CreditDecision Decision, string? Reason, DateTimeOffset DecidedAt);

/// <summary>
/// The skeleton's credit policy: the distributor carries the whole contract value as exposure. A later
/// issue adds scoring and manual review; the rules here are named so that policy can grow around them.
/// </summary>
public static class CreditPolicy
{
    /// <summary>Above this total contract value (net EUR) a person reviews the check.</summary>
    public const decimal ManualReviewAbove = 100_000m;

    /// <summary>Largest total contract value (net EUR) the distributor considers at all.</summary>
    public const decimal MaximumAutomaticExposure = 250_000m;

    public static (CreditDecision Decision, string? Reason) Decide(CheckCredit request)
    {
        if (string.IsNullOrWhiteSpace(request.Customer.VatId))
        {
            return (CreditDecision.Rejected, "CustomerWithoutVatId: a business customer must be identified by its VAT id.");
        }
        if (request.Exposure > MaximumAutomaticExposure)
        {
            return (CreditDecision.Rejected,
                $"ExposureAboveLimit: {request.Exposure:0.00} EUR exceeds the limit of {MaximumAutomaticExposure:0.00} EUR.");
        }
        if (request.Exposure > ManualReviewAbove)
        {
            return (CreditDecision.Referred,
                $"ExposureNeedsReview: {request.Exposure:0.00} EUR is above {ManualReviewAbove:0.00} EUR; an operator decides.");
        }
        return (CreditDecision.Approved, null);
    }
}
