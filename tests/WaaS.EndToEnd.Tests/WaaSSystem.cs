using WaaS.Testing;
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
/// One running system for all end-to-end tests: the gateway and the services as real processes (their
/// Release/Debug build output), against the real PostgreSQL and RabbitMQ that infra/up.sh provides. Tests
/// share it and bring their own data (fresh ids), never their own servers.
/// Ports: WAAS_E2E_PORT_BASE (default 6000) + the last three digits of infra/services.tsv's port.
/// Database and vhost: WAAS_PG_DATABASE / WAAS_RABBIT_VHOST (test.sh sets waas_test).
/// With <see cref="Instances"/> = 2 (<see cref="ScaledWaaSSystem"/>) every service runs twice and the gateway balances
/// each cluster over both (YARP destinations <c>primary</c> and <c>secondary</c>).
/// </summary>
public class WaaSSystem : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, ServiceProcess> _services = [];
    /// <summary>The second instance of every service but the gateway, when <see cref="Instances"/> is 2.</summary>
    private readonly Dictionary<string, ServiceProcess> _secondaries = [];
    private readonly string _root = FindRepositoryRoot();
    private readonly int _portBase;

    public WaaSSystem()
        : this(1, Setting("WAAS_PG_DATABASE", "waas_test"), Setting("WAAS_RABBIT_VHOST", "waas_test"),
            int.Parse(Setting("WAAS_E2E_PORT_BASE", "6000")))
    {
    }

    protected WaaSSystem(int instances, string database, string virtualHost, int portBase)
    {
        if (instances is < 1 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(instances), "one or two instances per service");
        }
        Instances = instances;
        Database = database;
        VirtualHost = virtualHost;
        _portBase = portBase;
    }

    /// <summary>How many instances of each service run (the gateway runs once).</summary>
    public int Instances { get; }

    /// <summary>The PostgreSQL database every process of this system uses.</summary>
    public string Database { get; }

    /// <summary>The RabbitMQ vhost every process of this system uses.</summary>
    public string VirtualHost { get; }

    protected static string Setting(string key, string fallback) =>
        Environment.GetEnvironmentVariable(key) is { Length: > 0 } value ? value : fallback;

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
        var portBase = _portBase;
        var configuration = typeof(WaaSSystem).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "Configuration").Value!;
        var table = File.ReadAllLines(Path.Combine(_root, "infra", "services.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(f => (Name: f[0], Port: portBase + int.Parse(f[1]) % 1000, Dll: Path.Combine(_root, f[2], "bin", configuration, "net10.0", f[3] + ".dll")))
            .ToList();

        // A second instance listens 200 above the first (ports stay inside the base's range of 1000).
        static int Secondary(int port) => port + 200;
        var routes = table.Where(s => s.Name != "gateway")
            .ToDictionary(s => $"ReverseProxy__Clusters__{s.Name}__Destinations__primary__Address", s => $"http://127.0.0.1:{s.Port}/");
        if (Instances == 2)
        {
            foreach (var s in table.Where(s => s.Name != "gateway"))
            {
                routes[$"ReverseProxy__Clusters__{s.Name}__Destinations__secondary__Address"] = $"http://127.0.0.1:{Secondary(s.Port)}/";
            }
        }
        // The Accounts service issues real tokens (its Development tenant set); every other process validates them
        // against its published keys, over plain HTTP on this one machine.
        var identity = $"http://127.0.0.1:{table.Single(s => s.Name == "accounts").Port}/";
        var validating = new Dictionary<string, string>
        {
            ["WAAS_PG_DATABASE"] = Database,
            ["WAAS_RABBIT_VHOST"] = VirtualHost,
            ["WAAS_IDENTITY_AUTHORITY"] = identity,
            ["WAAS_IDENTITY_REQUIRE_HTTPS"] = "false",
            // Production requires the distributor's legal details (documents) and a mail server (notifications); no
            // server listens on this port, so mails wait in the notifications queue.
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = (portBase + 25).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Smtp__From"] = "WaaS <noreply@waas.example>",
        };
        foreach (var (key, value) in WaaS.Documents.DocumentsExtensions.DevelopmentDistributor)
        {
            validating[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        var issuing = new Dictionary<string, string>
        {
            ["WAAS_PG_DATABASE"] = Database,
            ["WAAS_RABBIT_VHOST"] = VirtualHost,
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
            if (Instances == 2 && name != "gateway")
            {
                _secondaries[name] = new ServiceProcess($"{name} (2)", dll, Secondary(port), environment);
            }
        }
        foreach (var service in _services.Values)
        {
            service.Start();
        }
        await Task.WhenAll(_services.Values.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        // The second instances join a running system, as a scale-out does (the first ones created the schemas).
        foreach (var service in _secondaries.Values)
        {
            service.Start();
        }
        await Task.WhenAll(_secondaries.Values.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
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

    /// <summary>The distributor's back-office token, for calls straight to a process (test clocks).</summary>
    private ClientCredentials OperationsToken() =>
        new(new Uri($"http://127.0.0.1:{_services["gateway"].Port}/connect/token"), "distributor-backoffice", Tenants.Secret("distributor-backoffice"))
        {
            InnerHandler = new HttpClientHandler(),
        };

    /// <summary>
    /// A service's test clock, straight to the process (the public gateway does not route test endpoints). Moving it
    /// moves every instance of the service by the same amount; the reading is the first instance's.
    /// </summary>
    public async Task<JsonNode> ClockAsync(string service, TimeSpan? advanceBy = null)
    {
        using var http = new HttpClient(OperationsToken());
        JsonNode? first = null;
        foreach (var process in _secondaries.TryGetValue(service, out var second) && advanceBy is not null ? [_services[service], second] : new[] { _services[service] })
        {
            using var response = advanceBy is { } by
                ? await http.PostAsJsonAsync($"{process.BaseAddress}test/clock", new { advanceBy = by.ToString("c") })
                : await http.GetAsync($"{process.BaseAddress}test/clock");
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{process.Name} test clock answered {(int)response.StatusCode}: {body}");
            }
            first ??= JsonNode.Parse(body)!;
        }
        return first!;
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
        using var http = new HttpClient(OperationsToken());
        using var aligned = await http.PostAsJsonAsync($"{_services[name].BaseAddress}test/clock", new { offset = reading["offset"]!.GetValue<string>() });
        aligned.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        foreach (var service in _services.Values.Concat(_secondaries.Values))
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
    private async Task DropServiceSchemasAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString());
        await using var command = dataSource.CreateCommand(
            "drop schema if exists accounts, quoting, contract, contracting, credit, commission, logistics, billing, returns, vendor_reporting, notifications, webhooks cascade");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection string to this system's database, for tests that count rows directly.</summary>
    public string ConnectionString() =>
        $"Host={Setting("WAAS_PG_HOST", "localhost")};Port={Setting("WAAS_PG_PORT", "5432")};Username={Setting("WAAS_PG_USER", "waas")};" +
        $"Password={Setting("WAAS_PG_PASSWORD", "waas")};Database={Database}";

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
            // Outside Development no password has a default: the test system passes infra/up.sh's.
            info.Environment["WAAS_PG_PASSWORD"] = Environment.GetEnvironmentVariable("WAAS_PG_PASSWORD") ?? "waas";
            info.Environment["WAAS_RABBIT_PASSWORD"] = Environment.GetEnvironmentVariable("WAAS_RABBIT_PASSWORD") ?? "waas";
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

/// <summary>
/// The system with two instances of every service (one gateway balancing over both), in a database and vhost of its own
/// (WAAS_PG_DATABASE / WAAS_RABBIT_VHOST + <c>_scaled</c>; infra/up.sh provisions waas_test_scaled) and on ports 500
/// above WAAS_E2E_PORT_BASE, so it never shares data, queues or ports with <see cref="WaaSSystem"/>. The two never run
/// at once: xunit.runner.json runs the collections one after the other, and each collection starts and stops its own.
/// </summary>
public sealed class ScaledWaaSSystem() : WaaSSystem(2, Setting("WAAS_PG_DATABASE", "waas_test") + "_scaled",
    Setting("WAAS_RABBIT_VHOST", "waas_test") + "_scaled", int.Parse(Setting("WAAS_E2E_PORT_BASE", "6000")) + 500);

[CollectionDefinition(Name)]
public sealed class ScaledSystemCollection : ICollectionFixture<ScaledWaaSSystem>
{
    public const string Name = "running system, two instances of every service";
}
