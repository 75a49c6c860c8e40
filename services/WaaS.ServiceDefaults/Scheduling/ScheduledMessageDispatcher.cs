using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.ServiceDefaults.Scheduling;

/// <summary>
/// Moves due scheduled messages into the outbox. Due rows are claimed with FOR UPDATE SKIP LOCKED and deleted in
/// the same transaction that queues them in the outbox, so with any number of instances each fires exactly once;
/// a crash before the commit leaves the row to fire on the next poll. Due-ness follows the injected clock.
/// </summary>
public sealed partial class ScheduledMessageDispatcher(IDocumentStore store, TimeProvider clock, ILogger<ScheduledMessageDispatcher> logger)
    : BackgroundService
{
    // Real time on purpose: a moved test clock is noticed within one poll.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private const int BatchSize = 100;

    /// <summary>Fires every message due now; returns how many fired. One transaction per batch.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken token)
    {
        var fired = 0;
        int batch;
        do
        {
            batch = await DispatchBatchAsync(token);
            fired += batch;
        }
        while (batch == BatchSize);
        return fired;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
                await Task.Delay(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Database hiccup: the rows stay and fire on a later poll.
                LogDispatchFailed(logger, ex);
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken token)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(token);
        var due = await session.QueryAsync<ScheduledMessage>(
            $"where due_at <= ? order by due_at limit {BatchSize} for update skip locked", token, clock.GetUtcNow());
        if (due.Count == 0)
        {
            return 0;
        }
        var outbox = new MartenOutbox(session, clock);
        foreach (var message in due)
        {
            // A deadline falling due is the system's doing, not the person's who set it (docs/identity-and-tenancy.md).
            outbox.PublishSerialized(message.MessageType, message.Body, message.TraceParent, message.TraceState,
                Auditing.Audit.System(message.CorrelationId).ToHeaders());
            session.Delete(message);
        }
        await session.SaveChangesAsync(token);
        LogFired(logger, due.Count);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled message dispatch failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} scheduled messages fell due and went to the outbox")]
    private static partial void LogFired(ILogger logger, int count);
}
