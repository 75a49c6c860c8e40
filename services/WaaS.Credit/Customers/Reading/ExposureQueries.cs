using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Credit.Bureau;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Credit.Customers.Reading;

/// <summary>One contract's open part of the exposure today.</summary>
public sealed record ExposureLine(Guid ContractId, ExposureKind Kind, decimal Open, decimal MonthlyNet, int? RemainingRates, DateOnly? EndDate);

/// <summary>A customer's exposure as of <see cref="AsOf"/>: every contract's open part, what is overdue, its dunning and last bureau report.</summary>
public sealed record ExposureView(string CustomerKey, string CompanyName, string Country, string? VatId, DateOnly AsOf, decimal Total,
    IReadOnlyList<ExposureLine> Contracts, decimal Overdue, bool InDunning, DateTimeOffset? InDunningSince, BureauReport? LastReport, DateTimeOffset? LastReportAt);

public static class ExposureQueries
{
    /// <summary>The customer's exposure today; the distributor's only (it carries the risk across every reseller's deals).</summary>
    public static async Task<Results<Ok<ExposureView>, ProblemHttpResult>> Get(string key, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<CustomerExposure>(key, ct) is not { } exposure)
        {
            return Problems.NotFound("Customer exposure", key);
        }
        return TypedResults.Ok(View(exposure, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    public static ExposureView View(CustomerExposure x, DateOnly today) =>
        new(x.Id, x.CompanyName, x.Country, x.VatId, today, x.Total(today),
            [.. x.Items.Select(i => new ExposureLine(i.ContractId, i.Kind, i.OpenOn(today), i.MonthlyNet,
                i.Kind == ExposureKind.Active ? i.RatesFrom(today) : null, i.EndDate))],
            x.Overdue, x.InDunning, x.InDunningSince, x.LastReport, x.LastReportAt);
}
