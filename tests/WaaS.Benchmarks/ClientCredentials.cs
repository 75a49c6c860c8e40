using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace WaaS.Benchmarks;

/// <summary>
/// A bearer token the way a machine client gets one: OAuth 2.0 client credentials at the gateway's token endpoint,
/// renewed a minute before it expires. The benchmark acts as two clients of the Development tenant set: the
/// marketplace for reseller 1 and the distributor's back office (services/WaaS.Accounts/README.md).
/// </summary>
public sealed class ClientCredentials(Uri tokenEndpoint, string clientId, string secret, string? tenant = null) : DelegatingHandler
{
    public const string Reseller1 = "7e5e1100-0000-4000-8000-000000000001";

    private static readonly HttpClient TokenClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim _lock = new(1, 1);
    private string? _token;
    private DateTime _renewAt;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
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
                if (tenant is not null)
                {
                    form["tenant"] = tenant;
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
