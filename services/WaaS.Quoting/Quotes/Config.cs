using JasperFx.Events.Projections;
using Marten;
using WaaS.Quoting.Quotes.Accepting;
using WaaS.Quoting.Quotes.Declining;
using WaaS.Quoting.Quotes.Document;
using WaaS.Quoting.Quotes.Drafting;
using WaaS.Quoting.Quotes.Reading;
using WaaS.Quoting.Quotes.Revising;
using WaaS.Quoting.Quotes.Sending;

namespace WaaS.Quoting.Quotes;

public static class Config
{
    public static StoreOptions AddQuotes(this StoreOptions options)
    {
        options.Projections.Snapshot<Quote>(SnapshotLifecycle.Inline);
        options.Schema.For<Quote>().Index(q => q.ResellerId).Index(q => q.FirstVersionId);
        return options;
    }

    public static IEndpointRouteBuilder MapQuotes(this IEndpointRouteBuilder app)
    {
        var quotes = app.MapGroup("/quotes").WithTags("Quotes");
        quotes.MapPost("/", DraftQuote.Handle);
        quotes.MapGet("/", QuoteQueries.List);
        quotes.MapGet("/{id:guid}", QuoteQueries.Get);
        quotes.MapGet("/{id:guid}/versions", QuoteQueries.Versions);
        quotes.MapGet("/{id:guid}/document", GetQuoteDocument.Handle);
        quotes.MapPost("/{id:guid}/revisions", ReviseQuote.Handle);
        quotes.MapPost("/{id:guid}/send", SendQuote.Handle);
        quotes.MapPost("/{id:guid}/accept", AcceptQuote.Handle);
        quotes.MapPost("/{id:guid}/decline", DeclineQuote.Handle);
        return app;
    }
}
