using JasperFx;
using Marten;
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
            return Problems.Invalid("If-Match", "ETagFormat", "If-Match must be the quoted contract version, e.g. \"3\".");
        }
        try
        {
            var stream = expected is { } version
                ? await session.Events.FetchForWriting<RentalContract>(id, version, ct)
                : await session.Events.FetchForWriting<RentalContract>(id, ct);
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
            await session.SaveChangesAsync(ct);
            var updated = await session.LoadAsync<RentalContract>(id, ct);
            http.Response.Headers.ETag = ETag.From(updated!.Version);
            return TypedResults.Ok(updated);
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ExpectedVersion", "The contract changed since you read it; reload and retry.", "If-Match");
        }
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
