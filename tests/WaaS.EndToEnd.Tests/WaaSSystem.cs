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

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The gateway as the distributor's operators call it (operator token; see OperatorAccess).</summary>
    public HttpClient Operator { get; private set; } = null!;

    public IReadOnlyCollection<string> ServiceNames => _services.Keys;

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
        foreach (var (name, port, dll) in table)
        {
            _services[name] = new ServiceProcess(name, dll, port, name == "gateway" ? routes : new Dictionary<string, string>());
        }
        foreach (var service in _services.Values)
        {
            service.Start();
        }
        await Task.WhenAll(_services.Values.Select(s => s.WaitUntilReadyAsync(TimeSpan.FromSeconds(120))));
        Gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_services["gateway"].Port}/api/"), Timeout = TimeSpan.FromSeconds(30) };
        Operator = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = Gateway.Timeout };
        Operator.DefaultRequestHeaders.Authorization = new("Bearer", Environment.GetEnvironmentVariable("WAAS_OPERATOR_TOKEN") is { Length: > 0 } token ? token : "waas-operator-dev");
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
        var peer = _services.Values.First(s => s.Name != name && s.Name != "gateway");
        using var http = new HttpClient();
        var reading = await http.GetFromJsonAsync<JsonObject>($"{peer.BaseAddress}test/clock")
            ?? throw new InvalidOperationException($"{peer.Name} has no test clock");
        using var aligned = await http.PostAsJsonAsync($"{_services[name].BaseAddress}test/clock", new { offset = reading["offset"]!.GetValue<string>() });
        aligned.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            service.Kill();
        }
        Gateway?.Dispose();
        Operator?.Dispose();
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
            "drop schema if exists quoting, contract, contracting, credit, commission, logistics, billing, returns, vendor_reporting cascade");
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
