using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace WaaS.Accounts.Identity;

/// <summary>The schema the service owns (Marten's and OpenIddict's tables side by side).</summary>
public sealed record IdentitySchema(string Name);

/// <summary>OpenIddict's own store (applications, authorizations, scopes, tokens) through EF Core, in the service's
/// schema. The tables are created at start by <see cref="IdentityStoreSetup"/>.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options, IdentitySchema schema) : DbContext(options)
{
    public string Schema { get; } = schema.Name;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>One EF model per schema (API tests run hosts with schemas of their own in one process).</summary>
internal sealed class SchemaModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context is IdentityDb db ? db.Schema : "", designTime);
}

/// <summary>
/// Creates OpenIddict's tables when the schema lacks them. EnsureCreated would skip (Marten's tables are already in the
/// database), so the tables are created directly, under an advisory lock so replicas starting together take turns.
/// </summary>
internal sealed class IdentityStoreSetup(IServiceProvider services, NpgsqlDataSource dataSource, IdentitySchema schema, ILogger<IdentityStoreSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockId = 4005_0000L + Math.Abs(schema.Name.Aggregate(17, (h, c) => unchecked((h * 31) + c)) % 10_000);
        await using (var take = new NpgsqlCommand("select pg_advisory_lock($1)", connection))
        {
            take.Parameters.AddWithValue(lockId);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await using var exists = new NpgsqlCommand("select to_regclass($1) is not null", connection);
            exists.Parameters.AddWithValue($"\"{schema.Name}\".\"OpenIddictApplications\"");
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            await using (var create = new NpgsqlCommand($"create schema if not exists \"{schema.Name}\"", connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
            logger.LogInformation("Created OpenIddict's tables in schema {Schema}", schema.Name);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock($1)", connection);
            release.Parameters.AddWithValue(lockId);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
