using Marten;
using JasperFx;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>Marks a message as handled by one endpoint; its insert fails on a second delivery.</summary>
public sealed class InboxMarker
{
    public string Id { get; set; } = "";
    public DateTimeOffset HandledAt { get; set; }
}

/// <summary>
/// One unit of work per consumed message: the inbox marker, the consumer's events and saga state, and the
/// outbox messages they cause are committed in one PostgreSQL transaction. A redelivered message (same
/// MessageId, same endpoint) finds its marker and is acknowledged without running the consumer again.
/// </summary>
public sealed partial class UnitOfWorkFilter<T>(IDocumentSession session, TimeProvider clock, ILogger<UnitOfWorkFilter<T>> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        // Every MassTransit envelope carries a MessageId; without one there is nothing to deduplicate on.
        var markerId = context.MessageId is { } id ? $"{context.ReceiveContext.InputAddress.AbsolutePath.Trim('/')}:{id}" : null;
        if (markerId is not null)
        {
            if (await session.LoadAsync<InboxMarker>(markerId, context.CancellationToken) is not null)
            {
                LogDuplicate(logger, typeof(T).Name, context.MessageId!.Value);
                // Handled before: acknowledged as consumed, so MassTransit does not move it to the *_skipped queue.
                await context.NotifyConsumed(context, TimeSpan.Zero, "inbox");
                return;
            }
            session.Insert(new InboxMarker { Id = markerId, HandledAt = clock.GetUtcNow() });
        }

        try
        {
            await next.Send(context);
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever happens next (retry, error queue) must not commit half of this attempt.
            session.EjectAllPendingChanges();
            if (ex is DocumentAlreadyExistsException && markerId is not null && await HandledElsewhereAsync(markerId, context.CancellationToken))
            {
                // A concurrent delivery of the same message committed first; this one changed nothing.
                LogDuplicate(logger, typeof(T).Name, context.MessageId!.Value);
                await context.NotifyConsumed(context, TimeSpan.Zero, "inbox");
                return;
            }
            throw;
        }
    }

    private async Task<bool> HandledElsewhereAsync(string markerId, CancellationToken token)
    {
        await using var fresh = session.DocumentStore.QuerySession();
        return await fresh.LoadAsync<InboxMarker>(markerId, token) is not null;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("marten-unit-of-work");

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {MessageType} {MessageId}: already handled")]
    private static partial void LogDuplicate(ILogger logger, string messageType, Guid messageId);
}
