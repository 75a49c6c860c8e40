using Marten;
using WaaS.Documents;
using WaaS.Documents.Contracts;
using WaaS.Documents.Pdf;
using WaaS.Documents.Quotes;
using WaaS.Documents.Templating;
using WaaS.Notifications.Deals;

namespace WaaS.Notifications.Documents;

/// <summary>Renders a document to PDF the first time it is issued and stores it in the caller's session; later asks get the stored one.</summary>
public sealed class DocumentIssuer(IDocumentSession session, LegalDetails distributor, PdfRenderer pdf, TimeProvider clock)
{
    public Task<IssuedDocument> QuoteAsync(Guid quoteId, Guid resellerId, QuoteModel quote, CancellationToken ct)
    {
        var locale = Locale.ForCountry(quote.Customer.Country);
        return IssueAsync(DocumentKind.Quote, quoteId, () => QuoteTemplate.Render(locale, distributor, quote).Value,
            id => new IssuedDocument(id, DocumentKind.Quote, quote.Reference, resellerId, quote.Customer.AccountId, quoteId, null,
                locale.Code, QuoteTemplate.FileName(quote), "", 0, clock.GetUtcNow(), []), ct);
    }

    public Task<IssuedDocument> ContractAsync(Deal deal, CancellationToken ct)
    {
        var contract = deal.Contract();
        var kind = contract.Signed is null ? DocumentKind.ContractForSignature : DocumentKind.SignedContract;
        var locale = Locale.ForCountry(deal.Customer.Country);
        return IssueAsync(kind, deal.Id, () => ContractTemplate.Render(locale, distributor, contract).Value,
            id => new IssuedDocument(id, kind, contract.Reference, deal.ResellerId, deal.CustomerAccountId, null, deal.Id,
                locale.Code, ContractTemplate.FileName(contract), "", 0, clock.GetUtcNow(), []), ct);
    }

    private async Task<IssuedDocument> IssueAsync(
        DocumentKind kind, Guid subject, Func<string> html, Func<Guid, IssuedDocument> describe, CancellationToken ct)
    {
        var id = IssuedDocument.IdOf(kind, subject);
        if (await session.LoadAsync<IssuedDocument>(id, ct) is { } issued)
        {
            return issued;
        }
        var bytes = await pdf.RenderAsync(html(), ct);
        var document = describe(id) with { Pdf = bytes, Sha256 = IssuedDocument.ChecksumOf(bytes), Size = bytes.Length };
        // Insert, not store: a concurrent issue of the same document fails this commit (and is retried to the stored one).
        session.Insert(document);
        return document;
    }
}
