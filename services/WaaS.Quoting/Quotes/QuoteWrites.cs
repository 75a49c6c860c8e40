using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Quoting.Quotes;

/// <summary>What a command decided: a refusal, or events for the quote stream and the messages they cause.</summary>
public sealed record Decision(Refusal? Refused, IReadOnlyList<object> Events, IReadOnlyList<object> Messages)
{
    public static Decision Refuse(Refusal refusal) => new(refusal, [], []);

    public static Decision Append(object @event, params object[] messages) => new(null, [@event], messages);
}

/// <summary>
/// Runs one decision against a quote stream at the expected version (If-Match, optional), appends and commits
/// the events and the outbox messages together. A concurrent change answers 409.
/// </summary>
public static class QuoteWrites
{
    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> Decide(
        Guid id, IDocumentSession session, IOutbox outbox, TimeProvider clock, HttpContext http,
        Func<Quote, DateTimeOffset, Decision> decide, CancellationToken ct)
    {
        if (!ETag.TryReadIfMatch(http.Request, out var expected))
        {
            return Problems.Invalid("If-Match", "ETagFormat", "If-Match must be the quoted quote version, e.g. \"3\".");
        }
        try
        {
            var stream = expected is { } version
                ? await session.Events.FetchForWriting<Quote>(id, version, ct)
                : await session.Events.FetchForWriting<Quote>(id, ct);
            if (stream.Aggregate is not { } quote)
            {
                return Problems.NotFound("Quote", id);
            }
            var now = clock.GetUtcNow();
            var decision = decide(quote, now);
            if (decision.Refused is { } refusal)
            {
                return refusal.ToProblem();
            }
            stream.AppendMany(decision.Events);
            foreach (var message in decision.Messages)
            {
                outbox.Publish(message);
            }
            await session.SaveChangesAsync(ct);
            var updated = (await session.LoadAsync<Quote>(id, ct))!;
            http.Response.Headers.ETag = ETag.From(updated.Version);
            return TypedResults.Ok(updated.AsSeenAt(now));
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ExpectedVersion", "The quote changed since you read it; reload and retry.", "If-Match");
        }
    }
}
