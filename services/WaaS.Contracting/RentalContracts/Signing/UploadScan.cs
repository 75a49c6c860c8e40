using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Signing;

/// <summary>The customer's scanned signature page, uploaded early to save time while the contract is a draft.</summary>
public static class UploadScan
{
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Handle(
        Guid id, HttpRequest request, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
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
        return await request.HttpContext.DecideAsync(id, (RentalContract contract) => Decide(contract, scan), ct);
    }

    public static Decision Decide(RentalContract contract, SignatureScan scan) =>
        contract.Status == ContractStatus.Draft
            ? Decision.Append(new CustomerScanUploaded(contract.Id, scan.Id, scan.ContentType, scan.Size, scan.Sha256, scan.UploadedAt))
            : Decision.Refuse(Refusal.Conflict("ScanOnlyBeforeSigning", $"The contract is {contract.Status}; a scan is an early copy of a draft's signature."));
}
