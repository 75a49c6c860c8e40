using WaaS.Contracts;

namespace WaaS.Quoting.Quotes.Configuring;

/// <summary>
/// What a reseller asks for: seat bundles (device + the default software, insurance and backup, with upgrades
/// replacing defaults and options added), further catalogue lines, and its own service lines. The reseller is the
/// caller's tenant (its access token), never a body field; <see cref="Role"/> marks a referral
/// (<see cref="SalesRole.Referrer"/>: the customer wants a direct relationship with the distributor).
/// </summary>
public sealed record QuoteRequest(
    Customer? Customer,
    int TermMonths,
    IReadOnlyList<BundleRequest>? Bundles,
    IReadOnlyList<QuoteLineRequest>? Lines,
    IReadOnlyList<ResellerServiceRequest>? ResellerServices,
    int? ValidityDays,
    SalesRole? Role = null);

public sealed record BundleRequest(string? Device, int Seats, IReadOnlyList<string>? Upgrades, IReadOnlyList<string>? Options);

public sealed record QuoteLineRequest(string? Sku, int Quantity);

/// <summary>A service of the reseller's own (e.g. on-site setup): shown on the quote, billed by the reseller itself.</summary>
public sealed record ResellerServiceRequest(string? Description, decimal MonthlyPrice, int Quantity);
