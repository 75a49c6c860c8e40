using Microsoft.Extensions.Configuration;

namespace WaaS.ServiceDefaults;

/// <summary>
/// Addresses and credentials of the shared infrastructure, read from the WAAS_* environment variables
/// (the same ones infra/up.sh uses) with localhost defaults. The passwords have a default ("waas") only in Development
/// and in processes started by the project's scripts, which set them; elsewhere an unset password stops the process
/// when it first connects, naming the setting.
/// </summary>
public sealed record WaaSSettings(
    string PostgresHost,
    int PostgresPort,
    string PostgresUser,
    string? PostgresPassword,
    string PostgresDatabase,
    string RabbitHost,
    int RabbitPort,
    string RabbitUser,
    string? RabbitPassword,
    string RabbitVirtualHost)
{
    /// <summary>The password when none is configured: Development only.</summary>
    public const string DevelopmentPassword = "waas";

    /// <summary>Reads the settings from configuration (environment variables included); <paramref name="development"/>
    /// allows the default passwords.</summary>
    public static WaaSSettings From(IConfiguration configuration, bool development)
    {
        string Get(string key, string fallback) => configuration[key] is { Length: > 0 } value ? value : fallback;
        string? Secret(string key) => configuration[key] is { Length: > 0 } value ? value : development ? DevelopmentPassword : null;

        return new WaaSSettings(
            Get("WAAS_PG_HOST", "localhost"),
            int.Parse(Get("WAAS_PG_PORT", "5432")),
            Get("WAAS_PG_USER", "waas"),
            Secret("WAAS_PG_PASSWORD"),
            Get("WAAS_PG_DATABASE", "waas"),
            Get("WAAS_RABBIT_HOST", "localhost"),
            int.Parse(Get("WAAS_RABBIT_PORT", "5672")),
            Get("WAAS_RABBIT_USER", "waas"),
            Secret("WAAS_RABBIT_PASSWORD"),
            Get("WAAS_RABBIT_VHOST", "waas"));
    }

    // Not thrown when read: the gateway reads the settings too but never connects. A process that connects stops here.
    private static string Required(string? password, string setting) => password ?? throw new InvalidOperationException(
        $"{setting} is not set. Outside Development every password comes from the environment " +
        "(k8s: the Secret waas-secrets; compose and the project's scripts set it); there is no default.");

    /// <summary>The RabbitMQ password, or a clear stop when it was not configured outside Development.</summary>
    public string RabbitPasswordOrStop => Required(RabbitPassword, "WAAS_RABBIT_PASSWORD");

    /// <summary>The Npgsql connection string for the service database.</summary>
    public string PostgresConnectionString =>
        $"Host={PostgresHost};Port={PostgresPort};Username={PostgresUser};Password={Required(PostgresPassword, "WAAS_PG_PASSWORD")};Database={PostgresDatabase};Maximum Pool Size=30;Connection Idle Lifetime=60";
}
