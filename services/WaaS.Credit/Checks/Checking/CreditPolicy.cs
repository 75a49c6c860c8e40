using WaaS.Contracts;

namespace WaaS.Credit.Checks.Checking;

/// <summary>
/// The skeleton's credit policy: the distributor carries the whole contract value as exposure. A later issue adds
/// scoring; each rule is named, and its name starts the reason the deal shows, so the policy can grow around them.
/// </summary>
public static class CreditPolicy
{
    /// <summary>Above this total contract value (net EUR) a person reviews the check.</summary>
    public const decimal ManualReviewAbove = 100_000m;

    /// <summary>Largest total contract value (net EUR) the distributor considers at all.</summary>
    public const decimal MaximumAutomaticExposure = 250_000m;

    /// <summary>Why the policy rejects the request, or null when it does not.</summary>
    public static string? RejectionReason(CheckCredit request) => CustomerWithoutVatId(request) ?? ExposureAboveLimit(request);

    public static string? CustomerWithoutVatId(CheckCredit request) => string.IsNullOrWhiteSpace(request.Customer.VatId)
        ? "CustomerWithoutVatId: a business customer must be identified by its VAT id."
        : null;

    public static string? ExposureAboveLimit(CheckCredit request) => request.Exposure > MaximumAutomaticExposure
        ? $"ExposureAboveLimit: {request.Exposure:0.00} EUR exceeds the limit of {MaximumAutomaticExposure:0.00} EUR."
        : null;

    /// <summary>Why an operator must decide, or null when the policy may approve on its own.</summary>
    public static string? ExposureNeedsReview(CheckCredit request) => request.Exposure > ManualReviewAbove
        ? $"ExposureNeedsReview: {request.Exposure:0.00} EUR is above {ManualReviewAbove:0.00} EUR; an operator decides."
        : null;
}
