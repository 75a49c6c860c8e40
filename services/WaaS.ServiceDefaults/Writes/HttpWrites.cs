using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.ServiceDefaults.Writes;

/// <summary>
/// The write pipeline at the HTTP edge: If-Match → fetch at that version → decide → append events, outbox messages and
/// schedules → commit → ETag. A refusal answers its problem (404/409/422), a concurrent change 409 ExpectedVersion.
/// </summary>
public static class HttpWrites
{
    /// <summary>Decides on the existing aggregate <paramref name="id"/> and answers it as it now stands.</summary>
    public static Task<Results<Ok<T>, ProblemHttpResult>> DecideAsync<T>(
        this HttpContext http, Guid id, Func<T, Decision> decide, CancellationToken ct)
        where T : class =>
        http.DecideAsync(id, decide, async session => TypedResults.Ok((await session.LoadAsync<T>(id, ct))!), ct);

    /// <summary>Decides on the existing aggregate <paramref name="id"/>; <paramref name="answer"/> says what to answer after the commit.</summary>
    public static Task<Results<TAnswer, ProblemHttpResult>> DecideAsync<T, TAnswer>(
        this HttpContext http, Guid id, Func<T, Decision> decide, Func<IDocumentSession, Task<TAnswer>> answer, CancellationToken ct)
        where T : class
        where TAnswer : IResult =>
        ETag.TryReadIfMatch(http.Request, out var expected)
            ? WriteAsync<T, TAnswer>(http, answer, ct, (session, outbox, scheduler) => session.StageAsync<T>(id, expected,
                aggregate => aggregate is null ? Decision.Refuse(Refusal.NotFound(StreamWrites.Noun<T>(), id)) : decide(aggregate), outbox, scheduler, ct))
            : Task.FromResult<Results<TAnswer, ProblemHttpResult>>(
                Problems.Invalid("If-Match", "ETagFormat", $"If-Match must be the quoted {StreamWrites.Noun<T>().ToLowerInvariant()} version, e.g. \"3\"."));

    /// <summary>Starts the new stream <paramref name="id"/> with what <paramref name="decision"/> holds.</summary>
    public static Task<Results<TAnswer, ProblemHttpResult>> StartAsync<T, TAnswer>(
        this HttpContext http, Guid id, Decision decision, Func<IDocumentSession, Task<TAnswer>> answer, CancellationToken ct)
        where T : class
        where TAnswer : IResult =>
        WriteAsync<T, TAnswer>(http, answer, ct, (session, outbox, scheduler) => Task.FromResult(session.StageStart<T>(id, decision, outbox, scheduler)));

    private static async Task<Results<TAnswer, ProblemHttpResult>> WriteAsync<T, TAnswer>(
        HttpContext http, Func<IDocumentSession, Task<TAnswer>> answer, CancellationToken ct,
        Func<IDocumentSession, IOutbox, IDurableScheduler, Task<Staged>> stage)
        where T : class
        where TAnswer : IResult
    {
        var services = http.RequestServices;
        var session = services.GetRequiredService<IDocumentSession>();
        try
        {
            var staged = await stage(session, services.GetRequiredService<IOutbox>(), services.GetRequiredService<IDurableScheduler>());
            if (staged.Decision.Refused is { } refusal)
            {
                session.EjectAllPendingChanges();
                return refusal.ToProblem();
            }
            await session.SaveChangesAsync(ct);
            http.Response.Headers.ETag = ETag.From(staged.Version);
            return await answer(session);
        }
        catch (Exception ex) when (StreamWrites.IsConcurrencyConflict(ex))
        {
            return Problems.Conflict("ExpectedVersion",
                $"The {StreamWrites.Noun<T>().ToLowerInvariant()} changed since you read it; reload and retry.", "If-Match");
        }
    }
}
