using System.Diagnostics;
using System.Text.Json;
using Marten;
using Marten.Services;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>
/// Publishes integration messages durably: the message is stored in the same Marten session (and so the
/// same PostgreSQL transaction) as the events that cause it, and the <see cref="OutboxDispatcher"/> hands it
/// to RabbitMQ after the commit. Either both happen or neither.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues <paramref name="message"/> for publishing when the current session commits.</summary>
    void Publish<T>(T message) where T : class;
}

/// <summary>A message waiting in the outbox. The id becomes the MassTransit MessageId, so redelivery deduplicates.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>The message's stable name (<see cref="MessageNames"/>), never a CLR type name.</summary>
    public string MessageType { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Orders messages of one service; the dispatcher publishes in this order.</summary>
    public long Sequence { get; set; }

    /// <summary>W3C trace context of the request or message that caused this one, so a deal's trace runs on across the outbox.</summary>
    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    /// <summary>Who caused it (<see cref="Auditing.Audit.ToHeaders"/>): travels as message headers, so the consumer's
    /// events name the same person and chain.</summary>
    public Dictionary<string, string>? Headers { get; set; }
}

internal sealed class MartenOutbox(IDocumentSession session, TimeProvider clock) : IOutbox
{
    private static long _sequence = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public void Publish<T>(T message) where T : class
    {
        var type = message.GetType();
        PublishSerialized(MessageNames.Of(type), JsonSerializer.Serialize(message, type, MessageJson.Options),
            headers: Auditing.Audit.Of(session)?.ToHeaders());
    }

    /// <summary>
    /// Queues a message that is already serialized (a scheduled message falling due, with the trace context it was
    /// scheduled in); otherwise the message joins the current trace.
    /// </summary>
    public void PublishSerialized(
        string messageType, string body, string? traceParent = null, string? traceState = null, Dictionary<string, string>? headers = null)
    {
        session.Insert(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = messageType,
            Body = body,
            CreatedAt = clock.GetUtcNow(),
            Sequence = Interlocked.Increment(ref _sequence),
            TraceParent = traceParent ?? TraceContext.CurrentParent,
            TraceState = traceParent is null ? TraceContext.CurrentState : traceState,
            Headers = headers,
        });
    }
}

/// <summary>The W3C trace context of the current activity, as stored with outbox and scheduled messages.</summary>
internal static class TraceContext
{
    public static string? CurrentParent => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    public static string? CurrentState => Activity.Current?.TraceStateString;
}

/// <summary>JSON settings of stored outbox bodies.</summary>
internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>
/// Wakes this process's dispatcher right after a commit that stored outbox messages, so delivery does not wait
/// for the poll. In-process on purpose: PostgreSQL's NOTIFY takes one cluster-wide lock at commit, which lined up
/// every publishing commit of every service behind each other under load (tests/WaaS.Benchmarks/README.md).
/// The instance that commits is always one that dispatches; the poll still picks up rows another instance left.
/// </summary>
public sealed class OutboxSignal : DocumentSessionListenerBase
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <inheritdoc />
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.Inserted.OfType<OutboxMessage>().Any())
        {
            Notify();
        }
        return Task.CompletedTask;
    }

    /// <summary>Asks the dispatcher to look now; one pending wake-up drains everything committed so far.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken token) => _signal.WaitAsync(timeout, token);
}
