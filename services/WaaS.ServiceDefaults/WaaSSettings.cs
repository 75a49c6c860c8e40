using Microsoft.Extensions.Configuration;

namespace WaaS.ServiceDefaults;

/// <summary>
/// Addresses and credentials of the shared infrastructure, read from the WAAS_* environment variables
/// (the same ones infra/up.sh uses) with localhost defaults.
/// </summary>
public sealed record WaaSSettings(
    string PostgresHost,
    int PostgresPort,
    string PostgresUser,
    string PostgresPassword,
    string PostgresDatabase,
    string RabbitHost,
    int RabbitPort,
    string RabbitUser,
    string RabbitPassword,
    string RabbitVirtualHost)
{
    /// <summary>Reads the settings from configuration (environment variables included).</summary>
    public static WaaSSettings From(IConfiguration configuration)
    {
        string Get(string key, string fallback) => configuration[key] is { Length: > 0 } value ? value : fallback;

        return new WaaSSettings(
            Get("WAAS_PG_HOST", "localhost"),
            int.Parse(Get("WAAS_PG_PORT", "5432")),
            Get("WAAS_PG_USER", "waas"),
            Get("WAAS_PG_PASSWORD", "waas"),
            Get("WAAS_PG_DATABASE", "waas"),
            Get("WAAS_RABBIT_HOST", "localhost"),
            int.Parse(Get("WAAS_RABBIT_PORT", "5672")),
            Get("WAAS_RABBIT_USER", "waas"),
            Get("WAAS_RABBIT_PASSWORD", "waas"),
            Get("WAAS_RABBIT_VHOST", "waas"));
    }

    /// <summary>The Npgsql connection string for the service database.</summary>
    public string PostgresConnectionString =>
        $"Host={PostgresHost};Port={PostgresPort};Username={PostgresUser};Password={PostgresPassword};Database={PostgresDatabase};Maximum Pool Size=30;Connection Idle Lifetime=60";
}
