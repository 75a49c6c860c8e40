using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Quoting.Quotes.Document;

/// <summary>Printable HTML by default; JSON when asked for with Accept: application/json or ?format=json.</summary>
public static class GetQuoteDocument
{
    public static async Task<Results<ContentHttpResult, Ok<QuoteDocument>, ProblemHttpResult>> Handle(
        Guid id, string? format, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is not { } quote)
        {
            return Problems.NotFound("Quote", id);
        }
        var document = QuoteDocument.From(quote.AsSeenAt(clock.GetUtcNow()));
        var wantsJson = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            || http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        return wantsJson ? TypedResults.Ok(document) : TypedResults.Content(QuoteDocumentHtml.Render(document), "text/html; charset=utf-8");
    }
}
