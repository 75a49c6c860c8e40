using WaaS.Contracts;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.Quotes.Configuring;

public sealed record ConfiguredQuote(
    Customer Customer, int TermMonths, IReadOnlyList<DealLine> Lines, int ValidityDays, int PriceListVersion, SalesRole Role = SalesRole.Reseller);

/// <summary>
/// Turns a reseller's request into priced lines from one price-list version, or names every broken rule.
/// Pure: no storage, so a refused request stores nothing.
/// </summary>
public static class QuoteConfigurator
{
    public const int DefaultValidityDays = 30;
    public const int MaxValidityDays = 90;
    public const string ResellerVendor = "Reseller";

    public static (ConfiguredQuote? Quote, Validation Validation) Configure(QuoteRequest request, PricedCatalogue catalogue)
    {
        var v = new Validation()
            .Require(Terms.IsValid(request.TermMonths), "termMonths", Terms.Rule, Terms.Message)
            .Require(request.Bundles is { Count: > 0 } || request.Lines is { Count: > 0 }, "lines", "QuoteNeedsAnItem",
                "A quote needs at least one bundle or catalogue line.")
            .Require(request.ValidityDays is null or (> 0 and <= MaxValidityDays), "validityDays", "ValidityWithin90Days",
                $"A quote is valid for 1 to {MaxValidityDays} days.");
        CustomerRules.Validate(request.Customer, v);
        var role = request.Role ?? SalesRole.Reseller;
        v.Require(role != SalesRole.Referrer || request.ResellerServices is not { Count: > 0 }, "resellerServices", "NoResellerServicesOnReferral",
            "A referral has no reseller service lines: the customer's relationship is with the distributor, not the referring reseller.");

        var resolver = new LineResolver(catalogue, request.TermMonths, v);
        var lines = new List<DealLine>();
        for (var i = 0; request.Bundles is not null && i < request.Bundles.Count; i++)
        {
            lines.AddRange(BundleRules.Expand(request.Bundles[i], $"bundles[{i}]", resolver, v));
        }
        var bundleDevices = request.Bundles?.Select(b => b.Device).OfType<string>().ToList() ?? [];
        lines.AddRange(LineRules.Resolve(request.Lines ?? [], bundleDevices, resolver, v));
        lines.AddRange(ResellerServices(request.ResellerServices ?? [], v));

        return v.IsValid
            ? (new ConfiguredQuote(CustomerRules.Normalised(request.Customer!), request.TermMonths, lines,
                request.ValidityDays ?? DefaultValidityDays, catalogue.Prices.Number, role), v)
            : (null, v);
    }

    /// <summary>The reseller's own services: priced by the reseller, no commission, never billed by us.</summary>
    private static IEnumerable<DealLine> ResellerServices(IReadOnlyList<ResellerServiceRequest> services, Validation v)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            var field = $"resellerServices[{i}]";
            v.Required(s.Description, $"{field}.description")
             .Require(s.MonthlyPrice >= 0, $"{field}.monthlyPrice", "NonNegativePrice", "The monthly price cannot be negative.")
             .Require(Money.IsWholeCents(s.MonthlyPrice), $"{field}.monthlyPrice", "WholeCents", "Prices are in whole cents.")
             .Require(s.Quantity > 0, $"{field}.quantity", "PositiveQuantity", "The quantity must be at least 1.");
            yield return new DealLine($"RS-{i + 1}", s.Description?.Trim() ?? "", ResellerVendor, ItemKind.ResellerService, s.Quantity,
                s.MonthlyPrice, 0m, BilledByReseller: true);
        }
    }
}
