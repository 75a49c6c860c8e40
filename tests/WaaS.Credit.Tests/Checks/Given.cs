using WaaS.Credit.Checks;

namespace WaaS.Credit.Tests.Checks;

/// <summary>A credit check folded from its events, as the inline snapshot folds it.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static Contracts.Customer Customer(string? vatId = "DE123456789") => new("Muster GmbH", "DE", vatId, "ap@muster.example");

    public static Contracts.CheckCredit Request(decimal exposure, string? vatId = "DE123456789") => new(Guid.NewGuid(), Customer(vatId), exposure, 36);

    /// <summary>A check the policy referred to an operator (exposure above the review threshold).</summary>
    public static CreditCheck Referred(decimal exposure = 120_000m)
    {
        var id = Guid.NewGuid();
        return Check(new CreditCheckRequested(id, Customer(), exposure, 36, Now),
            new CreditReferredToManualReview(id, exposure, "ExposureNeedsReview: an operator decides.", Now));
    }

    public static CreditCheck Check(CreditCheckRequested requested, params object[] events)
    {
        var check = CreditCheck.Create(requested);
        foreach (var e in events)
        {
            check = e switch
            {
                CreditApproved approved => check.Apply(approved),
                CreditRejected rejected => check.Apply(rejected),
                CreditReferredToManualReview referred => check.Apply(referred),
                _ => throw new ArgumentOutOfRangeException(nameof(events)),
            };
        }
        return check;
    }
}
