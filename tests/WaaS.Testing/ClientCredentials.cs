using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace WaaS.Testing;

/// <summary>
/// Sends a bearer token obtained the way a machine client gets one: OAuth 2.0 client credentials at the token endpoint
/// (through the public gateway), renewed a minute before it expires. One handler for the end-to-end tests and the
/// benchmark (both link this file; neither needs the rest of WaaS.Testing).
/// </summary>
public sealed class ClientCredentials(Uri tokenEndpoint, string clientId, string secret, Guid? tenant = null) : DelegatingHandler
{
    private static readonly HttpClient TokenClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTime _renewAt;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    public async Task<string> TokenAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_token is null || DateTime.UtcNow >= _renewAt)
            {
                var form = new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = clientId,
                    ["client_secret"] = secret,
                    ["scope"] = "waas.api",
                };
                if (tenant is { } id)
                {
                    form["tenant"] = id.ToString();
                }
                using var response = await TokenClient.PostAsync(tokenEndpoint, new FormUrlEncodedContent(form), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"The token endpoint refused {clientId}: {(int)response.StatusCode} {body}");
                }
                var answer = JsonNode.Parse(body)!;
                _token = answer["access_token"]!.GetValue<string>();
                _renewAt = DateTime.UtcNow.AddSeconds(Math.Max(30, answer["expires_in"]!.GetValue<int>() - 60));
            }
            return _token;
        }
        finally
        {
            _lock.Release();
        }
    }
}
