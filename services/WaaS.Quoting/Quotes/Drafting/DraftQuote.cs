using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.Quoting.Quotes.Configuring;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes.Drafting;

/// <summary>A reseller drafts a quote at today's price-list version; the prices are frozen into the draft.</summary>
public static class DraftQuote
{
    public static async Task<Results<Created<Quote>, ProblemHttpResult>> Handle(
        QuoteRequest request, Marten.IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await PricedCatalogue.LoadAsync(session, PriceListQueries.Today(clock), ct) is not { } catalogue)
        {
            return Problems.NotFound("Price list", "current");
        }
        var (configured, validation) = QuoteConfigurator.Configure(request, catalogue);
        validation.Require(request.ResellerId is { } r && r != Guid.Empty, "resellerId", "Required", "'resellerId' is required.");
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }
        var id = Guid.CreateVersion7();
        return await http.StartAsync<Quote, Created<Quote>>(id,
            Decision.Append(Drafted(id, id, 1, null, request.ResellerId!.Value, configured!, now)),
            async written => TypedResults.Created($"/quotes/{id}", (await written.LoadAsync<Quote>(id, ct))!), ct);
    }

    public static QuoteDrafted Drafted(Guid id, Guid firstVersionId, int revision, Guid? previous, Guid resellerId, ConfiguredQuote q, DateTimeOffset now) =>
        new(id, firstVersionId, revision, previous, resellerId, q.Customer, q.TermMonths, q.PriceListVersion, q.Lines,
            Pricing.Totals(q.Lines, q.Customer.Country, q.TermMonths),
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(q.ValidityDays), now);
}
