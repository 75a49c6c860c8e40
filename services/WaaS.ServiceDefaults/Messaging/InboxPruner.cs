using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using WaaS.ServiceDefaults.Persistence;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>
/// Keeps the inbox bounded. A marker only has to outlive every redelivery of its message: the broker redelivers within
/// seconds to minutes (retries end after about 15 s), and operations replay a dead-lettered message within days. Markers
/// older than <see cref="Retention"/> (by the injected clock) are deleted once an hour; a message replayed after that
/// would be handled again, which the consumers' own idempotency (stream exists, extension number seen) still absorbs.
/// </summary>
public sealed class InboxPruner(IDocumentStore store, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<InboxPruner> logger)
    : HourlyPruner(logger, "inbox markers")
{
    /// <summary>How long a handled message's marker is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>Deletes the markers older than the retention; returns how many went.</summary>
    public override async Task<int> PruneAsync(CancellationToken token)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await using var delete = dataSource.CreateCommand(
            $"delete from {store.Options.DatabaseSchemaName}.mt_doc_inboxmarker where handled_at < $1");
        delete.Parameters.AddWithValue(cutoff);
        return await delete.ExecuteNonQueryAsync(token);
    }
}
