namespace WaaS.Contracts;

/// <summary>The deal was reported to each vendor of its items as a sale (sell-out).</summary>
public sealed record SellOutReported(Guid ContractId, IReadOnlyList<string> Vendors, DateTimeOffset ReportedAt);
