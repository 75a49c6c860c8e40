using WaaS.Credit.Bureau;
using WaaS.Credit.Checks;
using WaaS.Credit.Checks.Checking;
using WaaS.Credit.Customers;

namespace WaaS.Credit.Tests.Checks;

/// <summary>A credit check folded from its events, as the inline snapshot folds it; customers, reports and facts.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>A German VAT id of its own whose last two digits are <paramref name="score"/>: the development bureau's score for it.</summary>
    public static string VatId(int score) => $"DE{Random.Shared.Next(1_000_000, 9_999_999)}{score:00}";

    public static Contracts.Customer Customer(string? vatId = "DE123456789", string country = "DE", string name = "Muster GmbH") =>
        new(name, country, vatId, "ap@muster.example");

    public static Contracts.CheckCredit Request(decimal exposure, string? vatId = "DE123456789") => new(Guid.NewGuid(), Customer(vatId), exposure, 36);

    public static BureauAnswer Report(int score, decimal? limit = null, bool insolvent = false) =>
        BureauAnswer.From(new BureauReport(score, limit ?? 1_000_000m, insolvent, "TEST-1"));

    public static CreditFacts Facts(decimal newExposure, int score = 90, decimal existing = 0m, Contracts.Customer? customer = null, bool inDunning = false,
        BureauAnswer? bureau = null, CheckKind kind = CheckKind.Deal)
    {
        customer ??= Customer();
        return new CreditFacts(CustomerKey.Of(customer), customer, kind, newExposure, existing, inDunning, bureau ?? Report(score));
    }

    public static CreditEvaluation Evaluation(decimal newExposure, int score = 90, decimal existing = 0m) => CreditPolicy.Evaluate(Facts(newExposure, score, existing));

    /// <summary>A check the policy referred to an operator (band D: score 20).</summary>
    public static CreditCheck Referred(decimal exposure = 120_000m)
    {
        var request = Request(exposure);
        var decision = CheckCreditConsumer.Decide(null, request, Evaluation(exposure, score: 20), Now);
        return Check((CreditCheckRequested)decision.Events[0], [.. decision.Events.Skip(1)]);
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
