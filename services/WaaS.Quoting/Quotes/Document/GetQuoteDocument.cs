using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Documents;
using WaaS.Documents.Pdf;
using WaaS.Documents.Quotes;
using WaaS.Documents.Templating;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Quoting.Quotes.Document;

/// <summary>
/// The quote document from the common template, in the customer's language: printable HTML by default; PDF with
/// Accept: application/pdf or ?format=pdf; JSON with Accept: application/json or ?format=json.
/// </summary>
public static class GetQuoteDocument
{
    public static async Task<Results<ContentHttpResult, FileContentHttpResult, Ok<QuoteDocument>, ProblemHttpResult>> Handle(
        Guid id, string? format, Caller caller, IQuerySession session, TimeProvider clock, LegalDetails distributor, PdfRenderer pdf,
        HttpContext http, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is not { } quote)
        {
            return Problems.NotFound("Quote", id);
        }
        var accept = http.Request.Headers.Accept.ToString();
        if (Wants(format, accept, "json"))
        {
            return TypedResults.Ok(QuoteDocument.From(quote.AsSeenAt(clock.GetUtcNow())));
        }
        var model = QuoteDocumentModel.Of(quote);
        var html = QuoteTemplate.Render(Locale.ForCountry(quote.Customer.Country), distributor, model).Value;
        return Wants(format, accept, "pdf")
            ? TypedResults.File(await pdf.RenderAsync(html, ct), "application/pdf", QuoteTemplate.FileName(model))
            : TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static bool Wants(string? format, string accept, string kind) =>
        string.Equals(format, kind, StringComparison.OrdinalIgnoreCase) || accept.Contains("application/" + kind, StringComparison.OrdinalIgnoreCase);
}
