using System.Globalization;
using WaaS.Contracts;
using WaaS.Credit.Bureau;

namespace WaaS.Credit.Checks.Checking;

/// <summary>What the policy decides on, gathered by the consumer (the customer's exposure and standing, the bureau's answer).</summary>
public sealed record CreditFacts(
    string CustomerKey,
    Customer Customer,
    CheckKind Kind,
    decimal NewExposure,
    decimal ExistingExposure,
    bool InDunning,
    BureauAnswer Bureau);

/// <summary>A score band: from <see cref="MinimumScore"/> up, customers of the band may carry up to <see cref="ExposureLimit"/>.</summary>
public sealed record ScoreBand(string Name, int MinimumScore, decimal ExposureLimit, bool ApprovedAutomatically);

/// <summary>
/// The credit rule set (README "Rules"). Each rule is named, evaluated on stated inputs and passes, refers to a person or
/// rejects; the worst outcome decides. A broken rule's explanation becomes the reason the deal (and so the reseller)
/// shows, so it names no score, limit or exposure across other resellers' deals: those are in the inputs, which only
/// the distributor reads. The country and VAT-id rules are quoting's (`Countries`, `CustomerRules` in
/// WaaS.Quoting) under the same names, so whatever quoting accepts, credit decides on its merits: a German business
/// without a VAT id (e.g. a Kleinunternehmer) is checked through the bureau by name; Belgium, the Netherlands and Austria
/// require one.
/// </summary>
public static partial class CreditPolicy
{
    /// <summary>Score bands, best first; band D is never approved automatically.</summary>
    public static readonly IReadOnlyList<ScoreBand> Bands =
    [
        new("A", 80, 250_000m, true),
        new("B", 60, 100_000m, true),
        new("C", 40, 25_000m, true),
        new("D", 0, 0m, false),
    ];

    /// <summary>The most the distributor carries for one customer at all (net EUR); above it the policy rejects.</summary>
    public const decimal MaximumExposure = 500_000m;

    /// <summary>How long a bureau report stands for a re-check (extension, successor) without asking the bureau again.</summary>
    public static readonly TimeSpan StoredReportValidFor = TimeSpan.FromDays(90);

    /// <summary>Countries credit decides for, whether they require a VAT id, and its format: the one definition quoting
    /// also reads (<see cref="RentalCountries"/>).</summary>
    public static IReadOnlyDictionary<string, RentalCountries.CountryRules> Countries => RentalCountries.All;

    public static ScoreBand BandOf(int score) => Bands.First(b => score >= b.MinimumScore);

    public static CreditEvaluation Evaluate(CreditFacts facts)
    {
        var total = facts.ExistingExposure + facts.NewExposure;
        var report = facts.Bureau.Report;
        var band = report is null ? null : BandOf(report.Score);
        decimal? limit = band is null ? null : Math.Min(band.ExposureLimit, report!.LimitRecommendation);
        List<RuleResult> rules = [CountryAllowed(facts.Customer), VatIdRequiredInCountry(facts.Customer), VatIdFormat(facts.Customer), NotInDunning(facts), BureauAnswered(facts.Bureau)];
        if (report is not null)
        {
            rules.Add(NoInsolvency(report));
            rules.Add(ScoreBandAllowsApproval(report, band!));
        }
        rules.Add(ExposureWithinMaximum(total));
        if (report is not null)
        {
            rules.Add(ExposureWithinLimit(facts, total, band!, report));
        }
        return new CreditEvaluation(facts.CustomerKey, facts.Kind, facts.ExistingExposure, facts.NewExposure, total, facts.InDunning,
            facts.Bureau, band?.Name, limit, rules);
    }

    /// <summary>CountryAllowed: the distributor rents in DE, NL, AT and BE only.</summary>
    public static RuleResult CountryAllowed(Customer customer) =>
        Countries.ContainsKey(customer.Country ?? "")
            ? Pass("CountryAllowed", $"{customer.Country} is a country the distributor rents in.", ("country", customer.Country))
            : new("CountryAllowed", RuleOutcome.Rejected, $"The distributor does not rent in '{customer.Country}'; only in {string.Join(", ", Countries.Keys)}.",
                Inputs(("country", customer.Country)));

    /// <summary>VatIdRequiredInCountry: NL, AT and BE require the customer's VAT id on a B2B rental invoice; DE does not.</summary>
    public static RuleResult VatIdRequiredInCountry(Customer customer)
    {
        var required = Countries.TryGetValue(customer.Country ?? "", out var rules) && rules.VatIdRequired;
        return required && string.IsNullOrWhiteSpace(customer.VatId)
            ? new("VatIdRequiredInCountry", RuleOutcome.Rejected, $"A customer in {customer.Country} needs a VAT id.",
                Inputs(("country", customer.Country), ("vatId", null), ("required", "yes")))
            : Pass("VatIdRequiredInCountry", required ? "The VAT id is given." : $"{customer.Country} does not require a VAT id.",
                ("country", customer.Country), ("vatId", customer.VatId), ("required", required ? "yes" : "no"));
    }

    /// <summary>VatIdFormat: a VAT id, when given, has its country's format.</summary>
    public static RuleResult VatIdFormat(Customer customer)
    {
        var vatId = customer.VatId?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var malformed = !string.IsNullOrEmpty(vatId) && Countries.TryGetValue(customer.Country ?? "", out var rules) && !rules.VatIdFormat.IsMatch(vatId);
        return malformed
            ? new("VatIdFormat", RuleOutcome.Rejected, $"'{customer.VatId}' is not a {customer.Country} VAT id.", Inputs(("country", customer.Country), ("vatId", customer.VatId)))
            : Pass("VatIdFormat", string.IsNullOrEmpty(vatId) ? "No VAT id to check." : "The VAT id has its country's format.",
                ("country", customer.Country), ("vatId", customer.VatId));
    }

    /// <summary>NotInDunning: a customer billing is chasing (a returned debit) gets no new exposure without a person.</summary>
    public static RuleResult NotInDunning(CreditFacts facts) => facts.InDunning
        ? new("NotInDunning", RuleOutcome.Referred, "The customer is in dunning (a debit came back); a person decides.", Inputs(("inDunning", "yes")))
        : Pass("NotInDunning", "The customer is not in dunning.", ("inDunning", "no"));

    /// <summary>BureauAnswered: without a bureau report nothing is approved automatically.</summary>
    public static RuleResult BureauAnswered(BureauAnswer answer) => answer.Report is null
        ? new("BureauAnswered", RuleOutcome.Referred, $"No credit report: {answer.Unavailable}; a person decides.",
            Inputs(("source", answer.Source), ("unavailable", answer.Unavailable)))
        : Pass("BureauAnswered", "The bureau reported.", ("source", answer.Source), ("reference", answer.Report.Reference));

    /// <summary>NoInsolvency: a customer in insolvency proceedings is rejected.</summary>
    public static RuleResult NoInsolvency(BureauReport report) => report.Insolvent
        ? new("NoInsolvency", RuleOutcome.Rejected, "The bureau reports insolvency proceedings.", Inputs(("insolvent", "yes"), ("reference", report.Reference)))
        : Pass("NoInsolvency", "No insolvency known.", ("insolvent", "no"));

    /// <summary>ScoreBandAllowsApproval: bands A–C may be approved automatically; band D (score below 40) is referred.</summary>
    public static RuleResult ScoreBandAllowsApproval(BureauReport report, ScoreBand band) => band.ApprovedAutomatically
        ? Pass("ScoreBandAllowsApproval", $"Score {report.Score} is band {band.Name}.", ("score", Num(report.Score)), ("band", band.Name))
        : new("ScoreBandAllowsApproval", RuleOutcome.Referred, "The customer's credit rating allows no automatic approval; a person decides.",
            Inputs(("score", Num(report.Score)), ("band", band.Name)));

    /// <summary>ExposureWithinMaximum: no customer carries more than 500,000 EUR in total.</summary>
    public static RuleResult ExposureWithinMaximum(decimal total) => total > MaximumExposure
        ? new("ExposureWithinMaximum", RuleOutcome.Rejected, $"The customer's total exposure would exceed the {Eur(MaximumExposure)} EUR any customer may carry.",
            Inputs(("totalExposure", Eur(total)), ("maximum", Eur(MaximumExposure))))
        : Pass("ExposureWithinMaximum", $"{Eur(total)} EUR is within {Eur(MaximumExposure)} EUR.", ("totalExposure", Eur(total)), ("maximum", Eur(MaximumExposure)));

    /// <summary>
    /// ExposureWithinLimit: the customer's total exposure (its open contracts, what is overdue, and this check) stays
    /// within its limit: the band's limit, or the bureau's recommendation when lower. Above it a person decides.
    /// </summary>
    public static RuleResult ExposureWithinLimit(CreditFacts facts, decimal total, ScoreBand band, BureauReport report)
    {
        var limit = Math.Min(band.ExposureLimit, report.LimitRecommendation);
        var inputs = Inputs(("existingExposure", Eur(facts.ExistingExposure)), ("newExposure", Eur(facts.NewExposure)), ("totalExposure", Eur(total)),
            ("band", band.Name), ("bandLimit", Eur(band.ExposureLimit)), ("bureauLimit", Eur(report.LimitRecommendation)), ("limit", Eur(limit)));
        return total > limit
            ? new("ExposureWithinLimit", RuleOutcome.Referred, "The customer's total exposure would exceed its credit limit; a person decides.", inputs)
            : new("ExposureWithinLimit", RuleOutcome.Passed, $"{Eur(total)} EUR is within the limit of {Eur(limit)} EUR.", inputs);
    }

    private static RuleResult Pass(string rule, string explanation, params (string Name, string? Value)[] inputs) =>
        new(rule, RuleOutcome.Passed, explanation, Inputs(inputs));

    private static IReadOnlyList<RuleInput> Inputs(params (string Name, string? Value)[] inputs) =>
        [.. inputs.Select(i => new RuleInput(i.Name, i.Value ?? "none"))];

    private static string Eur(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
