using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Quoting.Quotes.Reading;

public sealed record QuoteSummary(
    Guid Id, Guid FirstVersionId, int Revision, Guid ResellerId, SalesRole Role, Customer Customer, int TermMonths, MonthlyAmount Monthly, decimal TotalCommission,
    QuoteStatus Status, DateTimeOffset CreatedAt, DateOnly ValidUntil);

public sealed record QuotePage(IReadOnlyList<QuoteSummary> Items, int Page, int PageSize, long Total);

/// <summary>
/// Reads from the inline <see cref="Quote"/> snapshot, always through <see cref="QuoteAccess.Visible"/> (tenancy in the
/// query); an open quote past its validity reads as expired.
/// </summary>
public static class QuoteQueries
{
    public const int MaxPageSize = 100;

    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is not { } quote)
        {
            return Problems.NotFound("Quote", id);
        }
        http.Response.Headers.ETag = ETag.From(quote.Version);
        return TypedResults.Ok(quote.AsSeenAt(clock.GetUtcNow()));
    }

    /// <summary>Every version of the quote <paramref name="id"/> belongs to, oldest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<QuoteSummary>>, ProblemHttpResult>> Versions(Guid id, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is not { } quote)
        {
            return Problems.NotFound("Quote", id);
        }
        var versions = await session.Visible(caller).Where(q => q.FirstVersionId == quote.FirstVersionId).OrderBy(q => q.Revision).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<QuoteSummary>>([.. versions.Select(q => Summary(q.AsSeenAt(clock.GetUtcNow())))]);
    }

    /// <summary>
    /// The quotes the caller may see (a reseller: its own and its sub-resellers'; a customer: its own; the distributor:
    /// all), newest first, filtered by reseller (e.g. one sub-reseller), status and customer (company name part or
    /// exact VAT id).
    /// </summary>
    public static async Task<Results<Ok<QuotePage>, ProblemHttpResult>> List(
        Guid? resellerId, QuoteStatus? status, string? customer, int? page, int? pageSize, Caller caller, IQuerySession session, TimeProvider clock,
        CancellationToken ct)
    {
        var v = new Validation()
            .Require(page is null or > 0, "page", "PositivePage", "Pages start at 1.")
            .Require(pageSize is null or (> 0 and <= MaxPageSize), "pageSize", "PageSizeWithin100", $"The page size is 1 to {MaxPageSize}.");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        var now = clock.GetUtcNow();
        var query = session.Visible(caller);
        if (resellerId is { } reseller)
        {
            query = query.Where(q => q.ResellerId == reseller);
        }
        query = status switch
        {
            null => query,
            QuoteStatus.Expired => query.Where(q => (q.Status == QuoteStatus.Draft || q.Status == QuoteStatus.Sent) && q.ExpiresAt <= now),
            QuoteStatus.Draft or QuoteStatus.Sent => query.Where(q => q.Status == status && q.ExpiresAt > now),
            _ => query.Where(q => q.Status == status),
        };
        if (!string.IsNullOrWhiteSpace(customer))
        {
            var term = customer.Trim();
            query = query.Where(q => q.Customer.CompanyName.Contains(term, StringComparison.OrdinalIgnoreCase) || q.Customer.VatId == term.ToUpperInvariant());
        }
        var paged = await query.OrderByDescending(q => q.CreatedAt).ToPagedListAsync(page ?? 1, pageSize ?? 20, ct);
        return TypedResults.Ok(new QuotePage([.. paged.Select(q => Summary(q.AsSeenAt(now)))], page ?? 1, pageSize ?? 20, paged.TotalItemCount));
    }

    private static QuoteSummary Summary(Quote q) =>
        new(q.Id, q.FirstVersionId, q.Revision, q.ResellerId, q.Role, q.Customer, q.TermMonths, q.Monthly, q.TotalCommission, q.Status, q.CreatedAt, q.ValidUntil);
}
