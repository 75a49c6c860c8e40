using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.VendorReporting.SellOuts.Reading;

/// <summary>
/// Reads the inline <see cref="SellOutReport"/> snapshots: one deal, or every deal of one vendor, scoped in the query.
/// The distributor sees every deal; a reseller its own and its sub-resellers'; a vendor only the deals that sold its
/// products, and of each only its own lines.
/// </summary>
public static class SellOutQueries
{
    public static async Task<Results<Ok<SellOutReport>, ProblemHttpResult>> Get(Guid contractId, Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.Query<SellOutReport>().Where(r => r.Id == contractId).VisibleTo(caller).FirstOrDefaultAsync(ct) is { } report
            ? TypedResults.Ok(report.AsSeenBy(caller))
            : Problems.NotFound("Sell-out report", contractId);

    /// <summary>The deals that sold <paramref name="vendor"/>'s products; a vendor's own name is the default for a vendor.</summary>
    public static async Task<Results<Ok<IReadOnlyList<SellOutReport>>, ProblemHttpResult>> ByVendor(string? vendor, Caller caller, IQuerySession session, CancellationToken ct)
    {
        vendor = string.IsNullOrWhiteSpace(vendor) ? caller.VendorName : vendor.Trim();
        if (string.IsNullOrWhiteSpace(vendor))
        {
            return Problems.Invalid("vendor", "Required", "Filter by 'vendor'.");
        }
        var reports = await session.Query<SellOutReport>().Where(r => r.Vendors.Contains(vendor)).VisibleTo(caller).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<SellOutReport>>([.. reports.Select(r => r.AsSeenBy(caller))]);
    }

    /// <summary>Keeps the reports <paramref name="caller"/> may see, in the query: a vendor's by the vendor names stored
    /// at the top of each report, a reseller's by its owner; a vendor token without a vendor name sees nothing.</summary>
    private static IQueryable<SellOutReport> VisibleTo(this IQueryable<SellOutReport> query, Caller caller)
    {
        if (caller.Kind != AccountKind.Vendor)
        {
            return query.VisibleTo(caller, r => r.ResellerId);
        }
        var vendor = caller.VendorName;
        return string.IsNullOrWhiteSpace(vendor) ? query.Where(r => r.Id == Guid.Empty) : query.Where(r => r.Vendors.Contains(vendor));
    }

    private static SellOutReport AsSeenBy(this SellOutReport report, Caller caller) =>
        caller.Kind == AccountKind.Vendor ? report.OnlyOf(caller.VendorName!) : report;
}
