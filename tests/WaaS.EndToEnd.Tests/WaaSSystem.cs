using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Npgsql;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>
/// One running system for all end-to-end tests: the gateway and the eight services as real processes (their
/// Release/Debug build output), against the real PostgreSQL and RabbitMQ that infra/up.sh provides. Tests
/// share it and bring their own data (fresh ids), never their own servers.
/// Ports: WAAS_E2E_PORT_BASE (default 6000) + the last three digits of infra/services.tsv's port.
/// Database and vhost: WAAS_PG_DATABASE / WAAS_RABBIT_VHOST (test.sh sets waas_test).
/// </summary>
public sealed class WaaSSystem : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, ServiceProcess> _services = [];
    private readonly string _root = FindRepositoryRoot();

    /// <summary>The gateway without a token (the public identity endpoints answer; the API answers 401).</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The gateway as the marketplace calls it for reseller 1 (client credentials, role sales).</summary>
    public HttpClient Reseller { get; private set; } = null!;

    /// <summary>The gateway as the marketplace calls it for reseller 2, who must learn nothing of reseller 1.</summary>
    public HttpClient OtherReseller { get; private set; } = null!;

    /// <summary>The gateway as the distributor's back office calls it (client credentials, role operations).</summary>
    public HttpClient Operations { get; private set; } = null!;

    /// <summary>The development tenant set the Accounts service seeds (ids, clients, secrets).</summary>
    public DevTenants Tenants { get; private set; } = null!;

    /// <summary>The first reseller's account id.</summary>
    public Guid ResellerId => Tenants.Account("reseller1");

    public IReadOnlyCollection<string> ServiceNames => _services.Keys;

    /// <summary>Where a process answers directly (not through the gateway): for its OpenAPI document and test clock.</summary>
    public Uri AddressOf(string name) => _services[name].BaseAddress;

    /// <summary>The repository root (for the gateway's route table and other checked-in files).</summary>
    public string Root => _root;

    public async Task InitializeAsync()
    {
        await DropServiceSchemasAsync();
        var portBase = int.Parse(Environment.GetEnvironmentVariable("WAAS_E2E_PORT_BASE") ?? "6000");
        var configuration = typeof(WaaSSystem).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "Configuration").Value!;
        var table = File.ReadAllLines(Path.Combine(_root, "infra", "services.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => (Name: f[0], Port: portBase + int.Parse(f[1]) % 1000, Dll: Path.Combine(_root, f[2], "bin", configuration, "net10.0", f[3] + ".dll")))
            .ToList();

        var routes = table.Where(s => s.Name != "gateway")
            .ToDictionary(s => $"ReverseProxy__Clusters__{s.Name}__Destinations__primary__Address", s => $"http://127.0.0.1:{s.Port}/");
        // The Accounts service issues real tokens (its Development tenant set); every other process validates them
        // against its published keys, over plain HTTP on this one machine.
        var identity = $"http://127.0.0.1:{table.Single(s => s.Name == "accounts").Port}/";
        var validating = new Dictionary<string, string>
        {
            ["WAAS_IDENTITY_AUTHORITY"] = identity,
            ["WAAS_IDENTITY_REQUIRE_HTTPS"] = "false",
        };
        var issuing = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["WAAS_IDENTITY_ISSUER"] = identity,
            ["WAAS_IDENTITY_AUTHORITY"] = identity,
            ["WAAS_IDENTITY_DEV_KEYS"] = Path.Combine(Path.GetTempPath(), "waas-e2e-identity-keys"),
        };
        foreach (var (name, port, dll) in table)
        {
            var environment = name switch
            {
                "accounts" => issuing,
                "gateway" => new Dictionary<string, string>(routes.Concat(validating)),
                // The test receiver of WebhookTests listens on plain HTTP on loopback, which production refuses.
                "webhooks" => new Dictionary<string, string>(validating)
                {
                    ["Webhooks__RequireHttps"] = "false",
                    ["Webhooks__AllowPrivateTargets"] = "true",
                },
                _ => validating,
            };
            _services[name] = new ServiceProcess(name, dll, port, environment);
        }
        foreach (var service in _services.Values)
        {
            service.Start();
        }
        await Task.WhenAll(_services.Values.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        Tenants = DevTenants.Load(_root);
        var gateway = new Uri($"http://127.0.0.1:{_services["gateway"].Port}/");
        Anonymous = new HttpClient { BaseAddress = new Uri(gateway, "api/"), Timeout = TimeSpan.FromSeconds(30) };
        Reseller = Client(gateway, "marketplace", Tenants.Account("reseller1"));
        OtherReseller = Client(gateway, "marketplace", Tenants.Account("reseller2"));
        Operations = Client(gateway, "distributor-backoffice");
        await ResellerMaySellAsync();
    }

    /// <summary>The gateway as <paramref name="clientId"/> (a client of the development tenant set) calls it, acting for
    /// <paramref name="tenant"/> when the client may act for several; the token is fetched like a real client would.</summary>
    public HttpClient Client(string clientId, Guid? tenant = null) =>
        Client(new Uri($"http://127.0.0.1:{_services["gateway"].Port}/"), clientId, tenant);

    private HttpClient Client(Uri gateway, string clientId, Guid? tenant = null) =>
        new(new ClientCredentials(new Uri(gateway, "connect/token"), clientId, Tenants.Secret(clientId), tenant) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = new Uri(gateway, "api/"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// The seeded reseller is announced to Quoting by a message (AccountChanged) right after start-up; until Quoting has
    /// it, drafting answers 422 ResellerMayNotSell. Waits for that, so no test sees the start-up race.
    /// </summary>
    private async Task ResellerMaySellAsync()
    {
        await EventuallyAsync(async () =>
        {
            using var response = await Reseller.PostAsJsonAsync("quoting/quotes", new
            {
                customer = new { companyName = "Start-up Probe GmbH", country = "DE", vatId = "DE123456789", billingEmail = "ap@probe.example" },
                termMonths = 24,
                lines = new[] { new { sku = "NB-TP-E14", quantity = 1 } },
            });
            return response.StatusCode == System.Net.HttpStatusCode.Created;
        });
    }

    /// <summary>A service's test clock, straight to the process (the public gateway does not route test endpoints).</summary>
    public async Task<JsonNode> ClockAsync(string service, TimeSpan? advanceBy = null)
    {
        using var http = new HttpClient(new ClientCredentials(new Uri($"http://127.0.0.1:{_services["gateway"].Port}/connect/token"),
            "distributor-backoffice", Tenants.Secret("distributor-backoffice"), null) { InnerHandler = new HttpClientHandler() });
        using var response = advanceBy is { } by
            ? await http.PostAsJsonAsync($"{_services[service].BaseAddress}test/clock", new { advanceBy = by.ToString("c") })
            : await http.GetAsync($"{_services[service].BaseAddress}test/clock");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{service} test clock answered {(int)response.StatusCode}: {body}");
        }
        return JsonNode.Parse(body)!;
    }

    /// <summary>Stops a service the hard way (kill) — as a crash or a pod eviction would.</summary>
    public void Kill(string name) => _services[name].Kill();

    /// <summary>
    /// Starts a stopped service again. A fresh process starts its test clock on real time, so it is lined up with
    /// the clock of a peer that kept running; otherwise dates (delivery day vs. today) would disagree across services.
    /// </summary>
    public async Task StartAsync(string name)
    {
        _services[name].Start();
        await _services[name].WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        // Straight to the processes, not through the gateway: its breaker may still be open for the restarted one.
        var peer = _services.Values.First(s => s.Name != name && s.Name is not ("gateway" or "accounts"));
        var reading = await ClockAsync(peer.Name);
        using var http = new HttpClient(new ClientCredentials(new Uri($"http://127.0.0.1:{_services["gateway"].Port}/connect/token"),
            "distributor-backoffice", Tenants.Secret("distributor-backoffice"), null) { InnerHandler = new HttpClientHandler() });
        using var aligned = await http.PostAsJsonAsync($"{_services[name].BaseAddress}test/clock", new { offset = reading["offset"]!.GetValue<string>() });
        aligned.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            service.Kill();
        }
        Anonymous?.Dispose();
        Reseller?.Dispose();
        OtherReseller?.Dispose();
        Operations?.Dispose();
        return Task.CompletedTask;
    }

    public string LogsOf(string name) => _services[name].RecentOutput();

    /// <summary>How many inbox markers of a service name this message id (one per endpoint that handled it).</summary>
    public async Task<long> InboxMarkersAsync(string schema, Guid messageId)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString());
        await using var command = dataSource.CreateCommand($"select count(*) from {schema}.mt_doc_inboxmarker where id like '%:' || $1");
        command.Parameters.AddWithValue(messageId.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls a condition until it holds (30 s).</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 30 s.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A clean slate per run: the services recreate their schemas on start-up.</summary>
    private static async Task DropServiceSchemasAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString());
        await using var command = dataSource.CreateCommand(
            "drop schema if exists accounts, quoting, contract, contracting, credit, commission, logistics, billing, returns, vendor_reporting, webhooks cascade");
        await command.ExecuteNonQueryAsync();
    }

    private static string ConnectionString()
    {
        string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        return $"Host={Env("WAAS_PG_HOST", "localhost")};Port={Env("WAAS_PG_PORT", "5432")};Username={Env("WAAS_PG_USER", "waas")};" +
               $"Password={Env("WAAS_PG_PASSWORD", "waas")};Database={Env("WAAS_PG_DATABASE", "waas_test")}";
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WaaS.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("WaaS.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class ServiceProcess(string name, string dll, int port, IReadOnlyDictionary<string, string> environment)
    {
        private readonly StringBuilder _output = new();
        private Process? _process;

        public int Port => port;

        public string Name => name;

        public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}/");

        public void Start()
        {
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException($"{name}: {dll} is missing; build the solution first.");
            }
            var info = new ProcessStartInfo("dotnet", $"\"{dll}\"")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["WAAS_PG_DATABASE"] = Environment.GetEnvironmentVariable("WAAS_PG_DATABASE") ?? "waas_test";
            info.Environment["WAAS_RABBIT_VHOST"] = Environment.GetEnvironmentVariable("WAAS_RABBIT_VHOST") ?? "waas_test";
            // Tests move time through /test/clock; only hosts started with this switch map it.
            info.Environment["WAAS_TEST_CLOCK"] = "1";
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public async Task WaitUntilReadyAsync(TimeSpan timeout)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (_process is { HasExited: true })
                {
                    throw new InvalidOperationException($"{name} exited with {_process.ExitCode}:\n{RecentOutput()}");
                }
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(250);
            }
            throw new TimeoutException($"{name} was not ready on port {port} within {timeout}:\n{RecentOutput()}");
        }

        public void Kill()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process?.Dispose();
            _process = null;
        }

        public string RecentOutput()
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length > 8000 ? text[^8000..] : text;
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<WaaSSystem>
{
    public const string Name = "running system";
}
