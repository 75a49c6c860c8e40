using System.Text.Json;
using Marten;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.ServiceDefaults.Scheduling;

/// <summary>
/// Durable deadlines and date-driven steps: the message is stored in the current Marten session and published
/// through the outbox when it falls due, by exactly one instance of the service.
/// </summary>
public interface IDurableScheduler
{
    /// <summary>Publishes <paramref name="message"/> at <paramref name="dueAt"/>; the same <paramref name="key"/> replaces an earlier schedule.</summary>
    void Schedule<T>(string key, T message, DateTimeOffset dueAt) where T : class;

    /// <summary>Drops the schedule under <paramref name="key"/>, if any; it commits with the current session.</summary>
    void Cancel(string key);
}

/// <summary>The <see cref="IDurableScheduler"/> on the message's (or request's) Marten session.</summary>
public sealed class MartenDurableScheduler(IDocumentSession session, TimeProvider clock) : IDurableScheduler
{
    /// <inheritdoc />
    public void Schedule<T>(string key, T message, DateTimeOffset dueAt) where T : class
    {
        var type = message.GetType();
        session.Store(new ScheduledMessage
        {
            Id = key,
            DueAt = dueAt,
            MessageType = MessageNames.Of(type),
            Body = JsonSerializer.Serialize(message, type, MessageJson.Options),
            ScheduledAt = clock.GetUtcNow(),
            TraceParent = TraceContext.CurrentParent,
            TraceState = TraceContext.CurrentState,
            CorrelationId = session.CorrelationId,
        });
    }

    /// <inheritdoc />
    public void Cancel(string key) => session.Delete<ScheduledMessage>(key);
}
