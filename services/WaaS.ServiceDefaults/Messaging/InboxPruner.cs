using Marten;
using Npgsql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>
/// Keeps the inbox bounded. A marker only has to outlive every redelivery of its message: the broker redelivers within
/// seconds to minutes (retries end after about 15 s), and operations replay a dead-lettered message within days. Markers
/// older than <see cref="Retention"/> (by the injected clock) are deleted once an hour; a message replayed after that
/// would be handled again, which the consumers' own idempotency (stream exists, extension number seen) still absorbs.
/// </summary>
public sealed partial class InboxPruner(IDocumentStore store, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<InboxPruner> logger) : BackgroundService
{
    /// <summary>How long a handled message's marker is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the markers older than the retention; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken token)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        await using var delete = dataSource.CreateCommand(
            $"delete from {store.Options.DatabaseSchemaName}.mt_doc_inboxmarker where handled_at < $1");
        delete.Parameters.AddWithValue(cutoff);
        return await delete.ExecuteNonQueryAsync(token);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                if (pruned > 0)
                {
                    LogPruned(logger, pruned);
                }
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPruneFailed(logger, ex);
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} inbox markers past their retention")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox pruning failed; trying again in a minute")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
