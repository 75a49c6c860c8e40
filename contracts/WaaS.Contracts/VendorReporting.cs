namespace WaaS.Contracts;

/// <summary>
/// The deal was reported to each vendor of its items as a sale (sell-out). The reseller, country, sale date and
/// <see cref="Lines"/> were added later (so optional) for integration partners: the webhooks service forwards them, a
/// vendor seeing only its own lines.
/// </summary>
public sealed record SellOutReported(
    Guid ContractId,
    IReadOnlyList<string> Vendors,
    DateTimeOffset ReportedAt,
    Guid? ResellerId = null,
    string? CustomerCountry = null,
    DateOnly? SaleDate = null,
    IReadOnlyList<SoldLine>? Lines = null);

/// <summary>One vendor's product in a reported sale, with the serial numbers shipped.</summary>
public sealed record SoldLine(string Vendor, string Sku, string Description, int Quantity, IReadOnlyList<string> SerialNumbers);
