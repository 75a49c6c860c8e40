using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.Quoting.Quotes.Configuring;
using WaaS.Quoting.Quotes.Drafting;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.Quotes.Revising;

/// <summary>
/// Revising makes a new version (a new draft at today's price list, same reseller) and marks the revised version
/// superseded, in one transaction. The old version keeps its prices; it just can no longer be sent or accepted.
/// </summary>
public static class ReviseQuote
{
    public static async Task<Results<Created<Quote>, ProblemHttpResult>> Handle(
        Guid id, QuoteRequest request, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!ETag.TryReadIfMatch(http.Request, out var expected))
        {
            return Problems.Invalid("If-Match", "ETagFormat", "If-Match must be the quoted quote version, e.g. \"3\".");
        }
        var stream = expected is { } version
            ? await session.Events.FetchForWriting<Quote>(id, version, ct)
            : await session.Events.FetchForWriting<Quote>(id, ct);
        if (stream.Aggregate is not { } old)
        {
            return Problems.NotFound("Quote", id);
        }
        if (QuoteRules.CanRevise(old) is { } refusal)
        {
            return refusal.ToProblem();
        }
        if (await PricedCatalogue.LoadAsync(session, PriceListQueries.Today(clock), ct) is not { } catalogue)
        {
            return Problems.NotFound("Price list", "current");
        }
        var (configured, validation) = QuoteConfigurator.Configure(request, catalogue);
        validation.Require(request.ResellerId is null || request.ResellerId == old.ResellerId, "resellerId", "SameReseller",
            "A revision stays with the reseller of the quote.");
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }

        var now = clock.GetUtcNow();
        var newId = Guid.CreateVersion7();
        stream.AppendOne(new QuoteSuperseded(id, newId, now));
        session.Events.StartStream<Quote>(newId, DraftQuote.Drafted(newId, old.FirstVersionId, old.Revision + 1, id, old.ResellerId, configured!, now));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ExpectedVersion", "The quote changed since you read it; reload and retry.", "If-Match");
        }
        var revised = (await session.LoadAsync<Quote>(newId, ct))!;
        http.Response.Headers.ETag = ETag.From(revised.Version);
        return TypedResults.Created($"/quotes/{newId}", revised);
    }
}
