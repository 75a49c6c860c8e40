using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WaaS.ServiceDefaults.Idempotency;

/// <summary>
/// Keeps idempotency keys for <see cref="Retention"/> (the design promises at least 24 hours) and deletes older ones
/// once an hour, by the injected clock. A retry after that runs the request again, like a request with a new key.
/// </summary>
public sealed partial class IdempotencyPruner(IdempotencyStore keys, TimeProvider clock, ILogger<IdempotencyPruner> logger) : BackgroundService
{
    /// <summary>How long a key is kept after its first request.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes the keys older than the retention; returns how many went.</summary>
    public Task<int> PruneAsync(CancellationToken token) => keys.PruneAsync(clock.GetUtcNow() - Retention, token);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} idempotency keys past their retention")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency key pruning failed; trying again in a minute")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
