using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.Quoting.Quotes.Configuring;
using WaaS.Quoting.Quotes.Drafting;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes.Revising;

/// <summary>
/// Revising makes a new version (a new draft at today's price list, same reseller) and marks the revised version
/// superseded, in one transaction. The old version keeps its prices; it just can no longer be sent or accepted.
/// </summary>
public static class ReviseQuote
{
    public static async Task<Results<Created<Quote>, ProblemHttpResult>> Handle(
        Guid id, QuoteRequest request, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await PricedCatalogue.LoadAsync(session, PriceListQueries.Today(clock), ct) is not { } catalogue)
        {
            return Problems.NotFound("Price list", "current");
        }
        var (configured, validation) = QuoteConfigurator.Configure(request, catalogue);
        var now = clock.GetUtcNow();
        var newId = Guid.CreateVersion7();
        return await http.DecideAsync(id, (Quote old) => Decide(old, request, configured, validation.Errors, newId, now),
            async written =>
            {
                var revised = (await written.LoadAsync<Quote>(newId, ct))!;
                http.Response.Headers.ETag = ETag.From(revised.Version);
                return TypedResults.Created($"/quotes/{newId}", revised);
            }, ct);
    }

    /// <summary>The revision supersedes the old version and starts the new one; a refused revision stores nothing.</summary>
    public static Decision Decide(
        Quote old, QuoteRequest request, ConfiguredQuote? configured, IReadOnlyList<FieldError> configurationErrors, Guid newId, DateTimeOffset now)
    {
        if (QuoteRules.CanRevise(old) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        IReadOnlyList<FieldError> errors = request.ResellerId is null || request.ResellerId == old.ResellerId
            ? configurationErrors
            : [.. configurationErrors, new FieldError("resellerId", "SameReseller", "A revision stays with the reseller of the quote.")];
        if (errors.Count > 0)
        {
            return Decision.Refuse(Refusal.Invalid(errors));
        }
        return Decision.Append(new QuoteSuperseded(old.Id, newId, now))
            .AndStart(newId, DraftQuote.Drafted(newId, old.FirstVersionId, old.Revision + 1, old.Id, old.ResellerId, configured!, now));
    }
}
