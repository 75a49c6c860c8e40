using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Accounts;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.Quoting.Quotes.Configuring;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes.Drafting;

/// <summary>
/// A reseller drafts a quote at today's price-list version; the prices are frozen into the draft. The reseller is the
/// caller's tenant; it must be allowed to sell (<see cref="SellingRules"/>), and a named customer account must be one
/// of its customers.
/// </summary>
public static class DraftQuote
{
    public static async Task<Results<Created<Quote>, ProblemHttpResult>> Handle(
        QuoteRequest request, Caller caller, Marten.IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await PricedCatalogue.LoadAsync(session, PriceListQueries.Today(clock), ct) is not { } catalogue)
        {
            return Problems.NotFound("Price list", "current");
        }
        var (configured, validation) = QuoteConfigurator.Configure(request, catalogue);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }
        var accounts = await Sellers.LoadAsync(session, caller.TenantId, configured!.Customer.AccountId, ct);
        var id = Guid.CreateVersion7();
        return await http.StartAsync<Quote, Created<Quote>>(id, Decide(id, caller.TenantId, configured, accounts, now),
            async written => TypedResults.Created($"/quotes/{id}", (await written.LoadAsync<Quote>(id, ct))!), ct);
    }

    /// <summary>The draft, unless the reseller may not sell or the customer account is not its own.</summary>
    public static Decision Decide(Guid id, Guid resellerId, ConfiguredQuote configured, Sellers accounts, DateTimeOffset now) =>
        (SellingRules.MaySell(resellerId, accounts) ?? SellingRules.CustomerAccountBelongsToReseller(resellerId, configured.Customer.AccountId, accounts))
            is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Append(Drafted(id, id, 1, null, resellerId, configured, now));

    public static QuoteDrafted Drafted(Guid id, Guid firstVersionId, int revision, Guid? previous, Guid resellerId, ConfiguredQuote q, DateTimeOffset now) =>
        new(id, firstVersionId, revision, previous, resellerId, q.Customer, q.TermMonths, q.PriceListVersion, q.Lines,
            Pricing.Totals(q.Lines, q.Customer.Country, q.TermMonths),
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(q.ValidityDays), now, q.Role);
}
