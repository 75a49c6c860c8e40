using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Weasel.Core;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.ServiceDefaults.Persistence;

/// <summary>Marten conventions shared by every service: one schema per service, System.Text.Json, HotCold daemon.</summary>
public static class EventStoreExtensions
{
    /// <summary>
    /// Adds the service's Marten store in its own PostgreSQL schema (<paramref name="schema"/>), with the
    /// outbox and inbox documents, lightweight sessions and the HotCold async projection daemon.
    /// </summary>
    public static IHostApplicationBuilder AddEventStore(
        this IHostApplicationBuilder builder, string schema, Action<StoreOptions>? configure = null)
    {
        var settings = WaaSSettings.From(builder.Configuration);
        var dataSource = new NpgsqlDataSourceBuilder(settings.PostgresConnectionString)
            .ConfigureTracing(_ => { })
            .Build();
        builder.Services.AddSingleton(dataSource);

        builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                // WAAS_SCHEMA lets an in-process API test run against a schema of its own.
                options.DatabaseSchemaName = builder.Configuration["WAAS_SCHEMA"] is { Length: > 0 } own ? own : schema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                // DistributedLock.Postgres 1.3.1 (see infra/nuget-feed) needs the transaction-scoped advisory lock.
                options.Events.UseAdvisoryLockTransaction = true;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Schema.For<OutboxMessage>();
                options.Schema.For<InboxMarker>();
                configure?.Invoke(options);
                return options;
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return builder;
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
