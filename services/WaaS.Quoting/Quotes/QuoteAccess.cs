using Marten;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Quoting.Quotes;

/// <summary>
/// Tenancy for quotes, in the query: the distributor sees every quote, a reseller its own and its sub-resellers', a
/// customer the quotes made out to its account. Another tenant's quote is simply not found.
/// </summary>
public static class QuoteAccess
{
    public static IQueryable<Quote> Visible(this IQuerySession session, Caller caller) =>
        session.Query<Quote>().VisibleTo(caller, q => q.ResellerId, q => q.Customer.AccountId);

    /// <summary>The quote <paramref name="id"/> if <paramref name="caller"/> may see it; null otherwise (answer 404).</summary>
    public static Task<Quote?> VisibleAsync(this IQuerySession session, Caller caller, Guid id, CancellationToken ct) =>
        session.Visible(caller).Where(q => q.Id == id).FirstOrDefaultAsync(ct);
}
