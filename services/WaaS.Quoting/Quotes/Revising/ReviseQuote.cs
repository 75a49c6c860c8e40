using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Accounts;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.Quoting.Quotes.Configuring;
using WaaS.Quoting.Quotes.Drafting;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes.Revising;

/// <summary>
/// Revising makes a new version (a new draft at today's price list, same reseller) and marks the revised version
/// superseded, in one transaction. The old version keeps its prices; it just can no longer be sent or accepted.
/// </summary>
public static class ReviseQuote
{
    public static async Task<Results<Created<Quote>, ProblemHttpResult>> Handle(
        Guid id, QuoteRequest request, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is not { } seen)
        {
            return Problems.NotFound("Quote", id);
        }
        if (await PricedCatalogue.LoadAsync(session, PriceListQueries.Today(clock), ct) is not { } catalogue)
        {
            return Problems.NotFound("Price list", "current");
        }
        var (configured, validation) = QuoteConfigurator.Configure(request, catalogue);
        var accounts = await Sellers.LoadAsync(session, seen.ResellerId, request.Customer?.AccountId, ct);
        var now = clock.GetUtcNow();
        var newId = Guid.CreateVersion7();
        return await http.DecideAsync(id, (Quote old) => Decide(old, configured, validation.Errors, accounts, newId, now),
            async written =>
            {
                var revised = (await written.LoadAsync<Quote>(newId, ct))!;
                http.Response.Headers.ETag = ETag.From(revised.Version);
                return TypedResults.Created($"/quotes/{newId}", revised);
            }, ct);
    }

    /// <summary>The revision supersedes the old version and starts the new one; a refused revision stores nothing.</summary>
    public static Decision Decide(
        Quote old, ConfiguredQuote? configured, IReadOnlyList<FieldError> configurationErrors, Sellers accounts, Guid newId, DateTimeOffset now)
    {
        if (QuoteRules.CanRevise(old) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        if (configurationErrors.Count > 0)
        {
            return Decision.Refuse(Refusal.Invalid(configurationErrors));
        }
        if ((SellingRules.MaySell(old.ResellerId, accounts)
             ?? SellingRules.CustomerAccountBelongsToReseller(old.ResellerId, configured!.Customer.AccountId, accounts)) is { } broken)
        {
            return Decision.Refuse(broken);
        }
        return Decision.Append(new QuoteSuperseded(old.Id, newId, now))
            .AndStart(newId, DraftQuote.Drafted(newId, old.FirstVersionId, old.Revision + 1, old.Id, old.ResellerId, configured!, now));
    }
}
