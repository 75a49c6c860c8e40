namespace WaaS.VendorReporting.SellOuts;

/// <summary>The deal was reported to each vendor of its items (published as the message of the same name);
/// <see cref="ResellerId"/> sold it (null in reports from before tenancy: then the entries name it).</summary>
public sealed record SellOutReported(Guid ContractId, IReadOnlyList<VendorSellOut> Entries, DateTimeOffset ReportedAt, Guid? ResellerId = null);

public sealed record ExtensionRecorded(Guid ContractId, int ExtensionNumber, int AddedMonths, DateOnly NewEndDate, DateTimeOffset RecordedAt);
