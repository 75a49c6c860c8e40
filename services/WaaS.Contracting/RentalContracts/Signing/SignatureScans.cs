using System.Security.Cryptography;

namespace WaaS.Contracting.RentalContracts.Signing;

/// <summary>The customer's signed contract as an early scanned copy, kept with its checksum (document id = scan id).</summary>
public sealed class SignatureScan
{
    public Guid Id { get; set; }
    public Guid ContractId { get; set; }
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>
/// An uploaded scan may come before the original signature to save time; it is evidence, not a signature. Rules:
/// a size limit, only PDF/PNG/JPEG, and the bytes must really be what the content type claims.
/// </summary>
public static class ScanRules
{
    public const long MaximumBytes = 5 * 1024 * 1024;

    private static readonly Dictionary<string, byte[]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF-"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
    };

    public static IReadOnlyCollection<string> AllowedTypes => Signatures.Keys;

    /// <summary>The rule the upload breaks, or null.</summary>
    public static (string Rule, string Message)? Check(string? contentType, ReadOnlySpan<byte> content)
    {
        var type = contentType?.Split(';')[0].Trim();
        if (type is null || !Signatures.TryGetValue(type, out var magic))
        {
            return ("ScanContentType", $"A scan is one of {string.Join(", ", AllowedTypes)}; '{contentType}' is not.");
        }
        if (content.Length == 0)
        {
            return ("ScanNotEmpty", "The scan is empty.");
        }
        if (content.Length > MaximumBytes)
        {
            return ("ScanSizeLimit", $"A scan may have at most {MaximumBytes / (1024 * 1024)} MB; this one has {content.Length} bytes.");
        }
        if (!content.StartsWith(magic))
        {
            return ("ScanMatchesContentType", $"The file is not a {type}: its content does not match the declared type.");
        }
        return null;
    }

    public static string Checksum(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
