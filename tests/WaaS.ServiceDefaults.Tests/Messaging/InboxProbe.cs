using System.Collections.Concurrent;
using Marten;
using MassTransit;

namespace WaaS.ServiceDefaults.Tests.Messaging;

/// <summary>
/// A message whose consumer appends one event to <see cref="StreamId"/>: it fails its first <see cref="FailTimes"/>
/// attempts (after writing), and when <see cref="Held"/> it waits on the test before it finishes.
/// </summary>
public sealed record InboxProbe(Guid StreamId, int FailTimes = 0, bool Held = false);

public sealed record ProbeHandled(Guid MessageId, int Attempt);

/// <summary>What the probe consumer went through, for the test to watch and steer.</summary>
public sealed class ProbeLog
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _holds = new();

    public int Attempt(Guid stream) => _attempts.AddOrUpdate(stream, 1, (_, n) => n + 1);

    public int Attempts(Guid stream) => _attempts.GetValueOrDefault(stream);

    public TaskCompletionSource Hold(Guid stream) =>
        _holds.GetOrAdd(stream, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

public sealed class InboxProbeConsumer(IDocumentSession session, ProbeLog log) : IConsumer<InboxProbe>
{
    public async Task Consume(ConsumeContext<InboxProbe> context)
    {
        var probe = context.Message;
        var attempt = log.Attempt(probe.StreamId);
        session.Events.Append(probe.StreamId, new ProbeHandled(context.MessageId!.Value, attempt));
        if (attempt <= probe.FailTimes)
        {
            throw new InvalidOperationException($"The probe fails attempt {attempt} as told.");
        }
        if (probe.Held)
        {
            await log.Hold(probe.StreamId).Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}

/// <summary>Counts the deliveries that went through the consume pipeline to the end, by MessageId.</summary>
public sealed class Deliveries : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _done = new();

    public int Done(Guid messageId) => _done.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.MessageId is { } id)
        {
            _done.AddOrUpdate(id, 1, (_, n) => n + 1);
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
