namespace WaaS.ServiceDefaults.Scheduling;

/// <summary>
/// A message to publish once <see cref="DueAt"/> has passed (by the injected <see cref="TimeProvider"/>). It is a
/// Marten document in the service's own schema, so scheduling commits with the events or saga state that
/// cause it, and survives any restart.
/// </summary>
public sealed class ScheduledMessage
{
    /// <summary>The schedule's key: scheduling the same key again moves the deadline, cancelling it deletes it.</summary>
    public string Id { get; set; } = "";

    /// <summary>When the message becomes due.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The message's stable name (<see cref="Messaging.MessageNames"/>).</summary>
    public string MessageType { get; set; } = "";

    /// <summary>The message as JSON.</summary>
    public string Body { get; set; } = "";

    /// <summary>When it was (last) scheduled.</summary>
    public DateTimeOffset ScheduledAt { get; set; }

    /// <summary>W3C trace context of what scheduled it: the message fires, months later, in the deal's trace.</summary>
    public string? TraceParent { get; set; }

    public string? TraceState { get; set; }

    /// <summary>The correlation of the chain that scheduled it: when it falls due the system acts, within that chain.</summary>
    public string? CorrelationId { get; set; }
}
