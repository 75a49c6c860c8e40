using JasperFx;
using JasperFx.Events;
using Marten;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.ServiceDefaults.Writes;

/// <summary>What a staged decision left in the session: the decision, and the stream version it leads to.</summary>
public sealed record Staged(Decision Decision, long Version);

/// <summary>
/// The one write pipeline: fetch the aggregate's stream for writing (at the expected version when one is given), let a
/// pure function decide, then stage its events, outbox messages and schedules in the same Marten session, so one
/// commit writes them all or nothing. The HTTP edge (<see cref="HttpWrites"/>) and the message edge
/// (<see cref="MessageWrites"/>) are thin callers of this.
/// </summary>
public static class StreamWrites
{
    /// <summary>Fetches, decides and stages; commits nothing (the caller's unit of work does).</summary>
    public static async Task<Staged> StageAsync<T>(
        this IDocumentSession session, Guid id, long? expectedVersion, Func<T?, Decision> decide,
        IOutbox outbox, IDurableScheduler scheduler, CancellationToken ct)
        where T : class
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<T>(id, version, ct)
            : await session.Events.FetchForWriting<T>(id, ct);
        var decision = decide(stream.Aggregate);
        if (decision.Refused is not null || decision.ArrivedEarly is not null)
        {
            return new Staged(decision, stream.StartingVersion ?? 0);
        }
        if (decision.Events.Count > 0)
        {
            stream.AppendMany(decision.Events);
        }
        session.StageEffects<T>(decision, outbox, scheduler);
        return new Staged(decision, (stream.StartingVersion ?? 0) + decision.Events.Count);
    }

    /// <summary>
    /// Starts the new stream <paramref name="id"/> with the decision's events and stages what they cause. Nothing is
    /// read first: a fresh id has no stream, and one that exists after all fails the commit as a concurrency conflict.
    /// </summary>
    public static Staged StageStart<T>(this IDocumentSession session, Guid id, Decision decision, IOutbox outbox, IDurableScheduler scheduler)
        where T : class
    {
        if (decision.Refused is null && decision.ArrivedEarly is null)
        {
            session.Events.StartStream<T>(id, [.. decision.Events]);
            session.StageEffects<T>(decision, outbox, scheduler);
        }
        return new Staged(decision, decision.Events.Count);
    }

    /// <summary>Other streams, outbox messages and schedule changes of an accepted decision.</summary>
    private static void StageEffects<T>(this IDocumentSession session, Decision decision, IOutbox outbox, IDurableScheduler scheduler)
        where T : class
    {
        foreach (var other in decision.OtherStreams)
        {
            if (other.ExpectedVersion is { } at)
            {
                // Marten's expected version is the one the stream reaches with these events.
                session.Events.Append(other.Id, at + other.Events.Count, [.. other.Events]);
            }
            else
            {
                session.Events.StartStream<T>(other.Id, [.. other.Events]);
            }
        }
        foreach (var message in decision.Messages)
        {
            outbox.Publish(message);
        }
        foreach (var change in decision.Schedules)
        {
            if (change.Message is null)
            {
                scheduler.Cancel(change.Key);
            }
            else
            {
                scheduler.Schedule(change.Key, change.Message, change.DueAt);
            }
        }
    }

    /// <summary>True for the exceptions Marten throws when a stream moved on between read and commit.</summary>
    public static bool IsConcurrencyConflict(Exception exception) =>
        exception is ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            or EventStreamUnexpectedMaxEventIdException;

    /// <summary>"RentalContract" → "Rental contract": how problems and logs name an aggregate.</summary>
    public static string Noun<T>()
    {
        var name = typeof(T).Name;
        var words = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(name[i]);
            }
        }
        return words.ToString();
    }
}
