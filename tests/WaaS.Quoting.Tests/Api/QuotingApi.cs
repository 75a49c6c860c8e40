using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace WaaS.Quoting.Tests.Api;

/// <summary>
/// The quoting service in process against the real PostgreSQL, in a schema of its own that is dropped afterwards,
/// with a clock the tests move. One fixture per test class, so classes never see each other's data or time.
/// </summary>
public sealed class QuotingApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _schema = "quoting_test_" + Guid.NewGuid().ToString("N")[..10];

    public FakeTimeProvider Clock { get; } = new(Start);

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("WAAS_SCHEMA", _schema);
        builder.UseSetting("WAAS_RABBIT_VHOST", Environment.GetEnvironmentVariable("WAAS_API_VHOST") ?? "waas_api");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client of the distributor's operators (price lists): it carries the operator token.</summary>
    public HttpClient CreateOperatorClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", WaaS.ServiceDefaults.Http.OperatorAccess.DevelopmentToken);
        return client;
    }

    public Task InitializeAsync()
    {
        _ = Server; // starts the host: schema creation and the catalogue seed
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString());
        await using var drop = dataSource.CreateCommand($"drop schema if exists {_schema} cascade");
        await drop.ExecuteNonQueryAsync();
    }

    private static string ConnectionString()
    {
        static string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        return $"Host={Env("WAAS_PG_HOST", "localhost")};Port={Env("WAAS_PG_PORT", "5432")};Username={Env("WAAS_PG_USER", "waas")};" +
               $"Password={Env("WAAS_PG_PASSWORD", "waas")};Database={Env("WAAS_PG_DATABASE", "waas")}";
    }
}
