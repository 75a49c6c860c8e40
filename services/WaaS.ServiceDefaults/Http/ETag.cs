using Microsoft.AspNetCore.Http;

namespace WaaS.ServiceDefaults.Http;

/// <summary>The stream version as a strong ETag; If-Match carries it back as the expected version.</summary>
public static class ETag
{
    public static string From(long version) => $"\"{version}\"";

    /// <summary>The expected version from If-Match, null when absent; false when the header is malformed.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? expected)
    {
        expected = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return true;
        }
        if (long.TryParse(header.Trim().Trim('"'), out var version))
        {
            expected = version;
            return true;
        }
        return false;
    }
}
