using JasperFx;
using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contract.Contracts;

/// <summary>
/// Runs one decision against a contract stream: loads it at the expected version (If-Match), lets
/// <paramref name="decide"/> return the events or a problem, appends and commits. A concurrent change
/// answers 409.
/// </summary>
public static class ContractWrites
{
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Decide(
        Guid id,
        IDocumentSession session,
        IOutbox outbox,
        IDurableScheduler scheduler,
        HttpContext http,
        Func<RentalContract, Decision> decide,
        CancellationToken ct)
    {
        if (!ETag.TryReadIfMatch(http.Request, out var expected))
        {
            return MalformedIfMatch;
        }
        try
        {
            var stream = await FetchAsync(session, id, expected, ct);
            if (stream.Aggregate is null)
            {
                return Problems.NotFound("Contract", id);
            }
            var decision = decide(stream.Aggregate);
            if (decision.Problem is not null)
            {
                return decision.Problem;
            }
            stream.AppendMany(decision.Events);
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
            return await CommitAsync(session, id, http, ct);
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ExpectedVersion", "The contract changed since you read it; reload and retry.", "If-Match");
        }
    }

    /// <summary>400 for an If-Match that is not a quoted contract version.</summary>
    public static ProblemHttpResult MalformedIfMatch =>
        Problems.Invalid("If-Match", "ETagFormat", "If-Match must be the quoted contract version, e.g. \"3\".");

    /// <summary>The contract stream for writing, checked against <paramref name="expected"/> at commit when given.</summary>
    public static Task<IEventStream<RentalContract>> FetchAsync(IDocumentSession session, Guid id, long? expected, CancellationToken ct) =>
        expected is { } version
            ? session.Events.FetchForWriting<RentalContract>(id, version, ct)
            : session.Events.FetchForWriting<RentalContract>(id, ct);

    /// <summary>Commits the session and answers the contract as it now stands, with its version as ETag.</summary>
    public static async Task<Ok<RentalContract>> CommitAsync(IDocumentSession session, Guid id, HttpContext http, CancellationToken ct)
    {
        await session.SaveChangesAsync(ct);
        var updated = await session.LoadAsync<RentalContract>(id, ct);
        http.Response.Headers.ETag = ETag.From(updated!.Version);
        return TypedResults.Ok(updated);
    }
}

/// <summary>
/// What a command decided: events to append to the stream and integration messages they cause (committed
/// together through the outbox), or the problem that refuses it.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, IReadOnlyList<object> Messages, ProblemHttpResult? Problem)
{
    /// <summary>Durable schedules to set (message given) or drop (message null), committed with the events.</summary>
    public IReadOnlyList<ScheduleChange> Schedules { get; init; } = [];

    public static Decision Append(params object[] events) => new(events, [], null);

    public static Decision Refuse(ProblemHttpResult problem) => new([], [], problem);

    public Decision AndPublish(object message) => this with { Messages = [.. Messages, message] };

    public Decision AndSchedule(string key, object message, DateTimeOffset dueAt) =>
        this with { Schedules = [.. Schedules, new ScheduleChange(key, message, dueAt)] };

    public Decision AndCancelSchedule(string key) => this with { Schedules = [.. Schedules, new ScheduleChange(key, null, default)] };
}

public sealed record ScheduleChange(string Key, object? Message, DateTimeOffset DueAt);
