using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.RentalContracts.Signing;

/// <summary>The uploaded scan with its checksum, as evidence until the original signatures are in.</summary>
public static class DownloadScan
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(Guid id, Caller caller, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var contract = await session.VisibleAsync(caller, id, ct);
        if (contract?.CustomerScan is not { } reference)
        {
            return Problems.NotFound("Signature scan", id);
        }
        var scan = await session.LoadAsync<SignatureScan>(reference.ScanId, ct);
        if (scan is null)
        {
            return Problems.NotFound("Signature scan", id);
        }
        http.Response.Headers["X-Checksum-SHA256"] = scan.Sha256;
        return TypedResults.File(scan.Content, scan.ContentType, $"contract-{id}-customer-signature");
    }
}
