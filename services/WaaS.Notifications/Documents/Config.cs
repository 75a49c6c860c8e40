using Marten;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Notifications.Documents;

public static class Config
{
    public static StoreOptions AddIssuedDocuments(this StoreOptions options)
    {
        options.Schema.For<IssuedDocument>().Index(d => d.ResellerId).Index(d => d.ContractId).Index(d => d.QuoteId).Index(d => d.CustomerAccountId);
        return options;
    }

    /// <summary>Read only: documents are issued from the deal's messages, never through this API.</summary>
    public static IEndpointRouteBuilder MapIssuedDocuments(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/documents").WithTags("Documents").For(Party.ContractReaders);
        documents.MapGet("/", DocumentQueries.List);
        documents.MapGet("/{id:guid}", DocumentQueries.Get);
        documents.MapGet("/{id:guid}/pdf", DocumentQueries.Pdf);
        return app;
    }
}
