using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Notifications.Documents;

/// <summary>The issued documents a caller may see: the distributor all, a reseller its own business, a customer its own.</summary>
public static class DocumentQueries
{
    public static async Task<Results<Ok<IReadOnlyList<DocumentInfo>>, ProblemHttpResult>> List(
        Guid? quoteId, Guid? contractId, Guid? customerId, Guid? resellerId, Caller caller, IQuerySession session, CancellationToken ct)
    {
        if (quoteId is null && contractId is null && customerId is null && resellerId is null)
        {
            return Problems.Invalid("quoteId", "Required", "Filter by 'quoteId', 'contractId', 'customerId' or 'resellerId'.");
        }
        var query = session.Query<IssuedDocument>().VisibleTo(caller, d => d.ResellerId, d => d.CustomerAccountId);
        query = quoteId is { } q ? query.Where(d => d.QuoteId == q) : query;
        query = contractId is { } c ? query.Where(d => d.ContractId == c) : query;
        query = customerId is { } cu ? query.Where(d => d.CustomerAccountId == cu) : query;
        query = resellerId is { } r ? query.Where(d => d.ResellerId == r) : query;
        var found = await query.OrderBy(d => d.IssuedAt).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<DocumentInfo>>([.. found.Select(d => d.Info())]);
    }

    public static async Task<Results<Ok<DocumentInfo>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
        await FindAsync(id, caller, session, ct) is { } document ? TypedResults.Ok(document.Info()) : Problems.NotFound("Document", id);

    /// <summary>The PDF as issued; its SHA-256 travels as the ETag and as Repr-Digest (RFC 9530).</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(
        Guid id, Caller caller, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        if (await FindAsync(id, caller, session, ct) is not { } document)
        {
            return Problems.NotFound("Document", id);
        }
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(document.Sha256))}:";
        return TypedResults.File(document.Pdf, "application/pdf", document.FileName,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{document.Sha256}\""));
    }

    private static Task<IssuedDocument?> FindAsync(Guid id, Caller caller, IQuerySession session, CancellationToken ct) =>
        session.Query<IssuedDocument>().Where(d => d.Id == id).VisibleTo(caller, d => d.ResellerId, d => d.CustomerAccountId).FirstOrDefaultAsync(ct);
}
