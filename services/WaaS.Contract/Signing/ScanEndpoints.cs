using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contract.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contract.Signing;

public static class ScanEndpoints
{
    /// <summary>Stores the customer's scanned signature page (raw body) while the contract is a draft.</summary>
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, IDocumentSession session, IOutbox outbox, IDurableScheduler scheduler, TimeProvider clock, CancellationToken ct)
    {
        if (request.ContentLength > ScanRules.MaximumBytes)
        {
            return Problems.RuleBroken("ScanSizeLimit", $"A scan may have at most {ScanRules.MaximumBytes / (1024 * 1024)} MB.", "body");
        }
        using var buffer = new MemoryStream();
        // Reads one byte past the limit at most, so an oversized body without Content-Length is still refused.
        var limited = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(limited, ct)) > 0 && buffer.Length <= ScanRules.MaximumBytes)
        {
            buffer.Write(limited, 0, read);
        }
        var content = buffer.ToArray();
        if (ScanRules.Check(request.ContentType, content) is { } broken)
        {
            return Problems.RuleBroken(broken.Rule, broken.Message, "body");
        }
        var now = clock.GetUtcNow();
        var scan = new SignatureScan
        {
            Id = Guid.CreateVersion7(),
            ContractId = id,
            ContentType = request.ContentType!.Split(';')[0].Trim().ToLowerInvariant(),
            Size = content.Length,
            Sha256 = ScanRules.Checksum(content),
            Content = content,
            UploadedAt = now,
        };
        // Commits only with the event below: a refused upload leaves no bytes behind.
        session.Store(scan);
        return await ContractWrites.Decide(id, session, outbox, scheduler, request.HttpContext, contract =>
            contract.Status == ContractStatus.Draft
                ? Decision.Append(new CustomerScanUploaded(id, scan.Id, scan.ContentType, scan.Size, scan.Sha256, now))
                : Decision.Refuse(Problems.Conflict("ScanOnlyBeforeSigning", $"The contract is {contract.Status}; a scan is an early copy of a draft's signature.")),
            ct);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid id, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var contract = await session.LoadAsync<RentalContract>(id, ct);
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
