using System.Collections.Concurrent;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Contract.Tests;

/// <summary>Captures what the saga hands to the outbox; in production these rows commit with the saga state.</summary>
public sealed class RecordingOutbox : IOutbox
{
    private readonly ConcurrentQueue<object> _messages = new();

    public void Publish<T>(T message) where T : class => _messages.Enqueue(message);

    public IReadOnlyList<T> Published<T>() => [.. _messages.OfType<T>()];
}
