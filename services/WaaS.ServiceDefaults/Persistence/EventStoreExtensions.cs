using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Weasel.Core;
using WaaS.ServiceDefaults.Auditing;
using WaaS.ServiceDefaults.Idempotency;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.ServiceDefaults.Persistence;

/// <summary>Marten conventions shared by every service: one schema per service, System.Text.Json, HotCold daemon.</summary>
public static class EventStoreExtensions
{
    /// <summary>
    /// Adds the service's Marten store in its own PostgreSQL schema (<paramref name="schema"/>), with the
    /// outbox and inbox documents, lightweight sessions that record who causes their writes, the idempotency keys of
    /// the service's writes and the HotCold async projection daemon.
    /// </summary>
    public static IHostApplicationBuilder AddEventStore(
        this IHostApplicationBuilder builder, string schema, Action<StoreOptions>? configure = null)
    {
        var settings = WaaSSettings.From(builder.Configuration, builder.Environment.IsDevelopment());
        var dataSource = new NpgsqlDataSourceBuilder(settings.PostgresConnectionString)
            .ConfigureTracing(_ => { })
            .Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddScoped<IdempotencyClaim>();

        builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                // WAAS_SCHEMA lets an in-process API test run against a schema of its own.
                options.DatabaseSchemaName = builder.Configuration["WAAS_SCHEMA"] is { Length: > 0 } own ? own : schema;
                // Services share one database: a lock per schema lets them migrate side by side at start-up,
                // while replicas of one service still take turns.
                options.ApplyChangesLockId = MigrationLockId(options.DatabaseSchemaName);
                options.ApplyChangesLockTimeout = TimeSpan.FromSeconds(60);
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                // Audit: every event records who caused it and in which chain (docs/identity-and-tenancy.md).
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                // The transaction-scoped advisory lock keeps the HotCold leader lock off Npgsql's multiplexing path.
                options.Events.UseAdvisoryLockTransaction = true;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Schema.For<OutboxMessage>();
                // A real, indexed column, so pruning old markers is one range delete.
                options.Schema.For<InboxMarker>().Duplicate(x => x.HandledAt, pgType: "timestamp with time zone");
                options.AddScheduling();
                options.Listeners.Add(services.GetRequiredService<OutboxSignal>());
                configure?.Invoke(options);
                return options;
            })
            .UseNpgsqlDataSource()
            // Lightweight sessions stamped with who causes their writes (Auditing/AuditedSessionFactory.cs).
            .BuildSessionsWith<AuditedSessionFactory>(ServiceLifetime.Scoped)
            .AddAsyncDaemon(DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup();
        // After Marten's start-up migration (hosted services start in turn), so the schema exists when the keys' table is made.
        builder.Services.AddSingleton<IdempotencyPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IdempotencyPruner>());

        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return builder;
    }

    /// <summary>Maps the scheduled-message document; its due time is a real column, indexed, for the poller.</summary>
    public static StoreOptions AddScheduling(this StoreOptions options)
    {
        options.Schema.For<ScheduledMessage>().Duplicate(x => x.DueAt, pgType: "timestamp with time zone");
        return options;
    }

    private static int MigrationLockId(string schema)
    {
        // Stable across processes (string.GetHashCode is randomized per process).
        var hash = 17;
        foreach (var c in schema)
        {
            hash = unchecked((hash * 31) + c);
        }
        return 4004_0000 + (Math.Abs(hash % 10_000));
    }
}

/// <summary>Ready only while the service's database answers.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", ex);
        }
    }
}
