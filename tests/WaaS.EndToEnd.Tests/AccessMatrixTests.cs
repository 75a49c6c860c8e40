using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>
/// Every route of every service, read from the services' own OpenAPI documents and called through the public gateway:
/// without a token (401), as a party the route does not serve (403), and as another reseller (404 or 403, or a list
/// without a trace of reseller 1's business). A route that names no parties fails here, so a new endpoint cannot ship
/// without a policy.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AccessMatrixTests(WaaSSystem system)
{
    private static readonly HttpStatusCode[] RefusedWithoutAHint = [HttpStatusCode.NotFound, HttpStatusCode.Forbidden];

    [Fact]
    public async Task Every_route_refuses_the_anonymous_the_wrong_party_and_another_reseller()
    {
        var deals = new DealDriver(system);
        var (quote, contract) = await new LifecycleDriver(system, deals).ActiveContractAsync(12, ("NB-TP-E14", 1));
        var contractId = contract["id"]!.GetValue<Guid>();
        var ids = new Ids(
            Quote: quote["id"]!.GetValue<Guid>(),
            Contract: contractId,
            Shipment: await deals.ShipmentOfAsync(contractId),
            Reseller: system.ResellerId,
            Vendor: system.Tenants.VendorName);
        // What reseller 2 must never see: reseller 1's ids and its customer's name.
        string[] secrets = [ids.Quote.ToString(), ids.Contract.ToString(), ids.Shipment.ToString(), ids.Reseller.ToString(),
            contract["customer"]!["companyName"]!.GetValue<string>()];

        var wrongParties = new (string Party, HttpClient Client)[]
        {
            ("Vendor", system.Client("vendor-dell")),
            ("ResellerPartner", system.Client("partner-crm")),
            ("ResellerStaff", system.OtherReseller),
            ("Operations", system.Operations),
        };

        var routes = await RoutesAsync();
        routes.Should().HaveCountGreaterThan(40, "every service's routes are enumerated");
        var failures = new List<string>();
        foreach (var route in routes)
        {
            if (route.Parties is null)
            {
                failures.Add($"{route}: names no parties (x-waas-parties): add .For(...) to the endpoint");
                continue;
            }
            if (route.Parties.Contains("anonymous"))
            {
                continue;
            }
            var path = route.GatewayPath(ids);

            using (var anonymous = await SendAsync(system.Anonymous, route.Method, path))
            {
                Expect(failures, route, "anonymous", anonymous, HttpStatusCode.Unauthorized);
            }

            if (wrongParties.FirstOrDefault(w => !route.Parties.Contains(w.Party)) is { Client: not null } wrong)
            {
                using var refused = await SendAsync(wrong.Client, route.Method, path);
                Expect(failures, route, $"as {wrong.Party}", refused, HttpStatusCode.Forbidden);
            }

            if (route.Parties.Contains("ResellerStaff"))
            {
                using var other = await SendAsync(system.OtherReseller, route.Method, path);
                var body = await other.Content.ReadAsStringAsync();
                // A 404 may echo the id the caller sent; anything else of reseller 1's is a leak.
                var leaked = secrets.Where(secret => !path.Contains(secret, StringComparison.OrdinalIgnoreCase))
                    .FirstOrDefault(secret => body.Contains(secret, StringComparison.OrdinalIgnoreCase));
                if (leaked is not null)
                {
                    failures.Add($"{route} as reseller 2: the answer shows reseller 1's '{leaked}': {Short(body)}");
                }
                else if (route.Method == HttpMethod.Get ? route.NamesAResource && !RefusedWithoutAHint.Contains(other.StatusCode)
                                                      : (int)other.StatusCode is >= 200 and < 300 or 409 or 422 && route.NamesAResource)
                {
                    failures.Add($"{route} as reseller 2: {(int)other.StatusCode} {Short(body)} (expected 404 or 403)");
                }
            }
        }

        failures.Should().BeEmpty("every route must refuse these callers:\n" + string.Join("\n", failures));
    }

    private static void Expect(List<string> failures, Route route, string who, HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            failures.Add($"{route} {who}: {(int)response.StatusCode} instead of {(int)status}");
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }

    private static string Short(string body) => body.Length > 200 ? body[..200] + "…" : body;

    /// <summary>Every operation of every service (not the gateway), with its public path through the gateway.</summary>
    private async Task<IReadOnlyList<Route>> RoutesAsync()
    {
        var prefixes = GatewayPrefixes();
        using var http = new HttpClient();
        var routes = new List<Route>();
        foreach (var service in system.ServiceNames.Where(n => n != "gateway"))
        {
            var document = JsonNode.Parse(await http.GetStringAsync(new Uri(system.AddressOf(service), "openapi/v1.json")))!;
            foreach (var (path, operations) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in operations!.AsObject())
                {
                    if (path.StartsWith("/test/", StringComparison.Ordinal))
                    {
                        continue; // not routed by the public gateway at all (GatewayTests)
                    }
                    var parties = operation!["x-waas-parties"]?.AsArray().Select(p => p!.GetValue<string>()).ToArray();
                    var required = operation["parameters"]?.AsArray()
                        .Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
                        .Select(p => p!["name"]!.GetValue<string>()).ToArray() ?? [];
                    routes.Add(new Route(service, new HttpMethod(method.ToUpperInvariant()), path, prefixes[service], parties, required));
                }
            }
        }
        return routes;
    }

    /// <summary>The gateway's public prefix per service, from its route table: (prefix to strip from the service path,
    /// public prefix).</summary>
    private Dictionary<string, (string Strip, string Public)> GatewayPrefixes()
    {
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(system.Root, "gateway", "WaaS.Gateway", "appsettings.json")))!;
        var prefixes = new Dictionary<string, (string, string)>();
        foreach (var (_, route) in settings["ReverseProxy"]!["Routes"]!.AsObject())
        {
            var match = route!["Match"]!["Path"]!.GetValue<string>();
            if (!match.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }
            var publicPrefix = match[..match.IndexOf("/{", StringComparison.Ordinal)];
            var pattern = route["Transforms"]?.AsArray().Select(t => t!["PathPattern"]?.GetValue<string>()).FirstOrDefault(p => p is not null);
            var strip = pattern is null ? "" : pattern[..pattern.IndexOf("/{", StringComparison.Ordinal)];
            prefixes[route["ClusterId"]!.GetValue<string>()] = (strip, publicPrefix);
        }
        return prefixes;
    }

    private sealed record Ids(Guid Quote, Guid Contract, Guid Shipment, Guid Reseller, string Vendor);

    private sealed record Route(string Service, HttpMethod Method, string Path, (string Strip, string Public) Prefix, string[]? Parties, string[] RequiredQuery)
    {
        /// <summary>Whether the path names one resource (a path parameter), so another tenant must get 404 or 403.</summary>
        public bool NamesAResource => Path.Contains('{') && !Path.Contains("{version") && !Path.Contains("{sku");

        public string GatewayPath(Ids ids)
        {
            var path = Regex.Replace(Path, @"\{(\w+)(:[^}]*)?\}", m => Value(m.Groups[1].Value, ids));
            if (Prefix.Strip.Length > 0 && path.StartsWith(Prefix.Strip, StringComparison.Ordinal))
            {
                path = path[Prefix.Strip.Length..];
            }
            var query = string.Join("&", RequiredQuery.Select(q => $"{q}={Uri.EscapeDataString(Query(q, ids))}"));
            // The clients' base address ends in /api/.
            return Prefix.Public["/api/".Length..] + path + (query.Length > 0 ? "?" + query : "");
        }

        private string Value(string name, Ids ids) => (name, Path) switch
        {
            ("sku", _) => "NB-TP-E14",
            ("version", _) => "1",
            (_, var p) when p.StartsWith("/quotes", StringComparison.Ordinal) => ids.Quote.ToString(),
            (_, var p) when p.StartsWith("/shipments", StringComparison.Ordinal) => ids.Shipment.ToString(),
            (_, var p) when p.StartsWith("/accounts", StringComparison.Ordinal) => ids.Reseller.ToString(),
            (_, var p) when p.StartsWith("/return-cases", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ => ids.Contract.ToString(),
        };

        private static string Query(string name, Ids ids) => name switch
        {
            "resellerId" => ids.Reseller.ToString(),
            "vendor" => ids.Vendor,
            "contractId" => ids.Contract.ToString(),
            _ => ids.Contract.ToString(),
        };

        public override string ToString() => $"{Method} {Service}{Path}";
    }
}
