using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.VendorReporting.SellOuts.Reading;

/// <summary>Reads the inline <see cref="SellOutReport"/> snapshots: one deal, or every deal of one vendor.</summary>
public static class SellOutQueries
{
    public static async Task<Results<Ok<SellOutReport>, ProblemHttpResult>> Get(Guid contractId, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<SellOutReport>(contractId, ct) is { } report
            ? TypedResults.Ok(report)
            : Problems.NotFound("Sell-out report", contractId);

    public static async Task<Results<Ok<IReadOnlyList<SellOutReport>>, ProblemHttpResult>> ByVendor(string? vendor, IQuerySession session, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(vendor))
        {
            return Problems.Invalid("vendor", "Required", "Filter by 'vendor'.");
        }
        return TypedResults.Ok<IReadOnlyList<SellOutReport>>(await session.Query<SellOutReport>().Where(r => r.Vendors.Contains(vendor)).ToListAsync(ct));
    }
}
