using System.Security.Cryptography;
using System.Text;

namespace WaaS.Webhooks.Delivery;

/// <summary>
/// Standard Webhooks signatures: HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with the secret's
/// bytes (base64 after <c>whsec_</c>), sent as <c>v1,{base64}</c>; several secrets (during a rotation) give several
/// space-separated signatures, any of which a receiver may verify.
/// </summary>
public static class Signer
{
    public const string Prefix = "whsec_";

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(IEnumerable<string> secrets, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var header = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[header.Length + body.Length];
        header.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(header.Length));
        var signatures = secrets.Select(secret =>
            "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret[Prefix.Length..]), signed))).ToList();
        if (signatures.Count > 1)
        {
            // The C# Standard Webhooks/Svix verifiers (StandardWebhooks 1.1.2) skip the last signature of a list
            // (svix/svix-webhooks#2393): repeating the first at the end keeps every real one verifiable with them.
            signatures.Add(signatures[0]);
        }
        return string.Join(' ', signatures);
    }
}
