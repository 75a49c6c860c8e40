namespace WaaS.VendorReporting.SellOuts;

/// <summary>
/// One deal as reported to its vendors (stream id = contract id): per vendor the reseller, end-customer
/// country, products, quantities, serial numbers, date and contract reference, as in a classic sale.
/// </summary>
public sealed record SellOutReport(Guid Id, IReadOnlyList<string> Vendors, IReadOnlyList<VendorSellOut> Entries)
{
    /// <summary>Extensions prolong the reported sale; vendors see the term each one added.</summary>
    public IReadOnlyList<ReportedExtension> Extensions { get; init; } = [];

    public static SellOutReport Create(SellOutReported e) => new(e.ContractId, [.. e.Entries.Select(x => x.Vendor)], e.Entries);

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
