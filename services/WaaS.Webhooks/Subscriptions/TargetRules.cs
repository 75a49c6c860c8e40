using System.Net;
using System.Net.Sockets;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Webhooks.Subscriptions;

/// <summary>
/// Where we may send: an absolute http(s) URL without credentials; HTTPS only outside Development; and outside
/// Development/test no target that resolves to an address of our own network (SSRF). The address rule is checked on
/// the addresses the name resolves to, when subscribing and again on every connection (DNS rebinding).
/// </summary>
public static class TargetRules
{
    public const string TargetUrlFormat = "TargetUrlFormat";
    public const string TargetMustBeHttps = "TargetMustBeHttps";
    public const string TargetMustBePublic = "TargetMustBePublic";
    public const string TargetMustResolve = "TargetMustResolve";

    /// <summary>The URL's shape and scheme, before any lookup.</summary>
    public static Refusal? CheckUrl(string? url, bool requireHttps, out Uri? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000 || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0 || uri.Host.Length == 0)
        {
            return Refusal.Invalid("url", TargetUrlFormat, "An absolute http(s) URL without credentials or fragment, at most 2000 characters.");
        }
        if (requireHttps && uri.Scheme != "https")
        {
            return Refusal.Broken(TargetMustBeHttps, "Webhook targets must use HTTPS (TLS) outside Development.", "url");
        }
        target = uri;
        return null;
    }

    /// <summary>Resolves <paramref name="target"/>'s host and refuses it when any address is not public.</summary>
    public static async Task<Refusal?> CheckAddressesAsync(Uri target, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(target.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.IdnHost, ct);
        }
        catch (SocketException)
        {
            return Refusal.Broken(TargetMustResolve, $"The host '{target.Host}' does not resolve.", "url");
        }
        if (addresses.Length == 0)
        {
            return Refusal.Broken(TargetMustResolve, $"The host '{target.Host}' does not resolve.", "url");
        }
        return addresses.Select(NonPublicRange).FirstOrDefault(r => r is not null) is { } range
            ? Refusal.Broken(TargetMustBePublic, $"The host '{target.Host}' resolves to a {range} address; webhook targets must be public.", "url")
            : null;
    }

    /// <summary>The name of the non-public range <paramref name="address"/> is in, or null for a public address.</summary>
    public static string? NonPublicRange(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return "loopback (127.0.0.0/8, ::1)";
        }
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
        {
            return "unspecified";
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] => "this-network (0.0.0.0/8)",
                [10, ..] => "private (10.0.0.0/8)",
                [172, >= 16 and <= 31, ..] => "private (172.16.0.0/12)",
                [192, 168, ..] => "private (192.168.0.0/16)",
                [169, 254, ..] => "link-local (169.254.0.0/16, cloud metadata)",
                [100, >= 64 and <= 127, ..] => "carrier-grade NAT (100.64.0.0/10)",
                [192, 0, 0, _] => "IETF protocol assignments (192.0.0.0/24)",
                [198, 18 or 19, ..] => "benchmarking (198.18.0.0/15)",
                [>= 224, ..] => "multicast or reserved (224.0.0.0/3)",
                _ => null,
            };
        }
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "link-local (fe80::/10)";
        }
        if (address.IsIPv6UniqueLocal)
        {
            return "unique local (fc00::/7)";
        }
        if (address.IsIPv6Multicast)
        {
            return "multicast (ff00::/8)";
        }
        return null;
    }
}
