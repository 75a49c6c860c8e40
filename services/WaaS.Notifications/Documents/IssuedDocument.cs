using System.Security.Cryptography;
using System.Text;

namespace WaaS.Notifications.Documents;

/// <summary>What a document is. Invoices, statements and wipe certificates join here as their issues land.</summary>
public enum DocumentKind
{
    Quote,
    ContractForSignature,
    SignedContract,
}

/// <summary>
/// A document as issued: the PDF bytes exactly as the customer or reseller received them, with their SHA-256. Stored once
/// under an id derived from what it is (<see cref="IdOf"/>) and never rendered again, so a signed contract's PDF and its
/// checksum never change.
/// </summary>
public sealed record IssuedDocument(
    Guid Id,
    DocumentKind Kind,
    string Reference,
    Guid ResellerId,
    Guid? CustomerAccountId,
    Guid? QuoteId,
    Guid? ContractId,
    string Language,
    string FileName,
    string Sha256,
    long Size,
    DateTimeOffset IssuedAt,
    byte[] Pdf)
{
    public static Guid IdOf(DocumentKind kind, Guid subject) => StableId.Of($"document:{kind}:{subject}");

    public static string ChecksumOf(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));

    /// <summary>What lists and metadata answers show (the bytes only on download).</summary>
    public DocumentInfo Info() => new(Id, Kind, Reference, ResellerId, CustomerAccountId, QuoteId, ContractId, Language, FileName, Sha256, Size, IssuedAt);
}

public sealed record DocumentInfo(
    Guid Id, DocumentKind Kind, string Reference, Guid ResellerId, Guid? CustomerAccountId, Guid? QuoteId, Guid? ContractId,
    string Language, string FileName, string Sha256, long Size, DateTimeOffset IssuedAt);

/// <summary>Ids derived from a name (SHA-256, version-8 layout): the same cause always names the same row.</summary>
public static class StableId
{
    public static Guid Of(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
