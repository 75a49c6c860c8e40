using System.Text.Json;
using Marten;

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
    public string MessageType { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Orders messages of one service; the dispatcher publishes in this order.</summary>
    public long Sequence { get; set; }
}

internal sealed class MartenOutbox(IDocumentSession session, TimeProvider clock) : IOutbox
{
    private static long _sequence = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    private bool _notifyQueued;

    public void Publish<T>(T message) where T : class
    {
        var type = message.GetType();
        PublishSerialized($"{type.FullName}, {type.Assembly.GetName().Name}", JsonSerializer.Serialize(message, type, MessageJson.Options));
    }

    /// <summary>Queues a message that is already serialized (a scheduled message falling due).</summary>
    public void PublishSerialized(string messageType, string body)
    {
        session.Insert(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = messageType,
            Body = body,
            CreatedAt = clock.GetUtcNow(),
            Sequence = Interlocked.Increment(ref _sequence),
        });
        if (!_notifyQueued)
        {
            // NOTIFY is a statement without a result set, so it sits safely in Marten's batch; it is
            // delivered on commit only, and never if the transaction rolls back.
            session.QueueSqlCommand($"notify {OutboxChannel.For(session.DocumentStore.Options.DatabaseSchemaName)}");
            _notifyQueued = true;
        }
    }
}

/// <summary>JSON settings of stored outbox bodies.</summary>
internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>
/// The PostgreSQL NOTIFY channel of a service's outbox. NOTIFY is transactional: the dispatchers (of every
/// instance) hear it only once the messages are committed, so delivery does not wait for polling.
/// </summary>
internal static class OutboxChannel
{
    public static string For(string schema) => $"waas_outbox_{schema}";
}
