using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WaaS.ServiceDefaults.Persistence;

/// <summary>
/// Keeps a table bounded: once an hour <see cref="PruneAsync"/> deletes what is past its retention (by the injected
/// clock); a failure is logged and tried again a minute later. Inbox markers, idempotency keys and issued tokens use it.
/// </summary>
public abstract partial class HourlyPruner(ILogger logger, string what) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Deletes what is past its retention; returns how many rows went.</summary>
    public abstract Task<int> PruneAsync(CancellationToken token);

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
                    LogPruned(logger, pruned, what);
                }
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPruneFailed(logger, what, ex);
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} {What} past their retention")]
    private static partial void LogPruned(ILogger logger, int count, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning {What} failed; trying again in a minute")]
    private static partial void LogPruneFailed(ILogger logger, string what, Exception exception);
}
