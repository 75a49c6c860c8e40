namespace WaaS.ServiceDefaults.Writes;

/// <summary>
/// What a command decided about one aggregate: events for its stream, the integration messages and durable schedules
/// they cause (committed in the same transaction through the outbox), or a <see cref="Refusal"/>. Pure data, so a
/// decision is tested without infrastructure: given events, when a command, then these events or this refusal.
/// </summary>
public sealed record Decision
{
    private Decision(Refusal? refused, IReadOnlyList<object> events)
    {
        Refused = refused;
        Events = events;
    }

    /// <summary>Why the command was refused; null when it was accepted.</summary>
    public Refusal? Refused { get; }

    /// <summary>Events to append to the decided aggregate's stream (the first ones start it when it is new).</summary>
    public IReadOnlyList<object> Events { get; }

    /// <summary>Integration messages to publish once the events commit.</summary>
    public IReadOnlyList<object> Messages { get; init; } = [];

    /// <summary>Durable schedules to set (message given) or drop (message null), committed with the events.</summary>
    public IReadOnlyList<ScheduleChange> Schedules { get; init; } = [];

    /// <summary>Events for other streams that commit with this one: a new stream, or another at its known version.</summary>
    public IReadOnlyList<OtherStream> OtherStreams { get; init; } = [];

    /// <summary>A message that arrived before what it builds on: the consumer throws, and redelivery tries again.</summary>
    public string? ArrivedEarly { get; init; }

    /// <summary>Accepted with nothing to record (an idempotent repeat, or nothing to do yet).</summary>
    public bool IsNothing => Refused is null && ArrivedEarly is null && Events.Count == 0 && Messages.Count == 0 && Schedules.Count == 0 && OtherStreams.Count == 0;

    public static Decision Append(params object[] events) => new(null, events);

    public static Decision Refuse(Refusal refusal) => new(refusal, []);

    /// <summary>Nothing changes (the command was already carried out, or asks for what already holds).</summary>
    public static Decision Nothing { get; } = new(null, []);

    /// <summary>The message depends on one not yet handled; retry later.</summary>
    public static Decision NotYet(string why) => new(null, []) { ArrivedEarly = why };

    public Decision AndPublish(params object[] messages) => this with { Messages = [.. Messages, .. messages] };

    public Decision AndSchedule(string key, object message, DateTimeOffset dueAt) =>
        this with { Schedules = [.. Schedules, new ScheduleChange(key, message, dueAt)] };

    public Decision AndCancelSchedule(string key) => this with { Schedules = [.. Schedules, new ScheduleChange(key, null, default)] };

    /// <summary>Starts the stream <paramref name="id"/> with <paramref name="events"/> in the same commit.</summary>
    public Decision AndStart(Guid id, params object[] events) => this with { OtherStreams = [.. OtherStreams, new OtherStream(id, null, events)] };

    /// <summary>Appends to the stream <paramref name="id"/>, which must still be at <paramref name="version"/> when this commits.</summary>
    public Decision AndAppend(Guid id, long version, params object[] events) =>
        this with { OtherStreams = [.. OtherStreams, new OtherStream(id, version, events)] };
}

/// <summary>A durable schedule to set (message given) or drop (message null).</summary>
public sealed record ScheduleChange(string Key, object? Message, DateTimeOffset DueAt);

/// <summary>Events for another stream: started when <see cref="ExpectedVersion"/> is null, else appended at that version.</summary>
public sealed record OtherStream(Guid Id, long? ExpectedVersion, IReadOnlyList<object> Events);
