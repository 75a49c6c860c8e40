namespace WaaS.VendorReporting.SellOuts;

/// <summary>
/// One deal as reported to its vendors (stream id = contract id): per vendor the reseller, end-customer
/// country, products, quantities, serial numbers, date and contract reference, as in a classic sale.
/// <see cref="Vendors"/> and <see cref="ResellerId"/> sit at the top so reads are scoped in the query.
/// </summary>
public sealed record SellOutReport(Guid Id, IReadOnlyList<string> Vendors, IReadOnlyList<VendorSellOut> Entries)
{
    /// <summary>Extensions prolong the reported sale; vendors see the term each one added.</summary>
    public IReadOnlyList<ReportedExtension> Extensions { get; init; } = [];

    /// <summary>The reseller that sold the deal (<see cref="Guid.Empty"/> when unknown: the distributor's only).</summary>
    public Guid ResellerId { get; init; }

    public static SellOutReport Create(SellOutReported e) => new(e.ContractId, [.. e.Entries.Select(x => x.Vendor)], e.Entries)
    {
        ResellerId = e.ResellerId ?? e.Entries.FirstOrDefault()?.ResellerId ?? Guid.Empty,
    };

    /// <summary>What one vendor may see of the deal: its own lines only, not which other vendors sold into it.</summary>
    public SellOutReport OnlyOf(string vendor) =>
        this with { Vendors = [vendor], Entries = [.. Entries.Where(x => string.Equals(x.Vendor, vendor, StringComparison.Ordinal))] };

    public SellOutReport Apply(ExtensionRecorded e) =>
        this with { Extensions = [.. Extensions, new ReportedExtension(e.ExtensionNumber, e.AddedMonths, e.NewEndDate, e.RecordedAt)] };
}

public sealed record VendorSellOut(
    string Vendor,
    Guid ResellerId,
    string CustomerCountry,
    Guid ContractReference,
    DateOnly SaleDate,
    IReadOnlyList<SoldProduct> Products);

public sealed record SoldProduct(string Sku, string Description, int Quantity, IReadOnlyList<string> SerialNumbers);

public sealed record ReportedExtension(int ExtensionNumber, int AddedMonths, DateOnly NewEndDate, DateTimeOffset RecordedAt);
