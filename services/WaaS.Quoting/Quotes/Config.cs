using JasperFx.Events.Projections;
using Marten;
using WaaS.Quoting.Quotes.Accepting;
using WaaS.Quoting.Quotes.Declining;
using WaaS.Quoting.Quotes.Document;
using WaaS.Quoting.Quotes.Drafting;
using WaaS.Quoting.Quotes.Reading;
using WaaS.Quoting.Quotes.Revising;
using WaaS.Quoting.Quotes.Sending;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Quoting.Quotes;

public static class Config
{
    public static StoreOptions AddQuotes(this StoreOptions options)
    {
        options.Projections.Snapshot<Quote>(SnapshotLifecycle.Inline);
        options.Schema.For<Quote>().Index(q => q.ResellerId).Index(q => q.FirstVersionId).Index(q => q.Customer.AccountId);
        return options;
    }

    public static IEndpointRouteBuilder MapQuotes(this IEndpointRouteBuilder app)
    {
        var quotes = app.MapGroup("/quotes").WithTags("Quotes");
        // Reads: whoever may see quotes (scoped in the query). Writes: the reseller's staff; the customer itself may
        // accept or decline a quote made out to its account.
        quotes.MapPost("/", DraftQuote.Handle).For(Party.ResellerStaff);
        quotes.MapGet("/", QuoteQueries.List).For(Party.ContractReaders);
        quotes.MapGet("/{id:guid}", QuoteQueries.Get).For(Party.ContractReaders);
        quotes.MapGet("/{id:guid}/versions", QuoteQueries.Versions).For(Party.ContractReaders);
        quotes.MapGet("/{id:guid}/document", GetQuoteDocument.Handle).For(Party.ContractReaders);
        quotes.MapPost("/{id:guid}/revisions", ReviseQuote.Handle).For(Party.ResellerStaff);
        quotes.MapPost("/{id:guid}/send", SendQuote.Handle).For(Party.ResellerStaff);
        quotes.MapPost("/{id:guid}/accept", AcceptQuote.Handle).For(Party.ResellerStaff | Party.Customer);
        quotes.MapPost("/{id:guid}/decline", DeclineQuote.Handle).For(Party.ResellerStaff | Party.Customer);
        return app;
    }
}
