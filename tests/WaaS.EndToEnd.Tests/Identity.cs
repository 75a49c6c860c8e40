using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace WaaS.EndToEnd.Tests;

/// <summary>
/// The development tenant set the Accounts service seeds (tests/WaaS.Accounts.Tests/DevTenants.json, checked against
/// the seeder by that project's tests): account ids, machine clients and their secrets.
/// </summary>
public sealed class DevTenants(JsonNode document)
{
    public static DevTenants Load(string repositoryRoot) =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "tests", "WaaS.Accounts.Tests", "DevTenants.json")))!);

    /// <summary>An account id by its name in the file (distributor, reseller1, reseller2, subReseller, customer1, vendor).</summary>
    public Guid Account(string name) => document["accounts"]![name]!.GetValue<Guid>();

    /// <summary>A machine client's development secret.</summary>
    public string Secret(string clientId) => document["clients"]![clientId]!["secret"]!.GetValue<string>();

    /// <summary>The vendor's catalogue name.</summary>
    public string VendorName => document["vendorName"]!.GetValue<string>();
}

/// <summary>
/// Sends a bearer token obtained the way a machine client gets one: OAuth 2.0 client credentials at the token endpoint
/// (through the public gateway), renewed a minute before it expires.
/// </summary>
public sealed class ClientCredentials(Uri tokenEndpoint, string clientId, string secret, Guid? tenant) : DelegatingHandler
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
                    throw new InvalidOperationException($"The token endpoint refused {clientId}: {(int)response.StatusCode} {body}");
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
