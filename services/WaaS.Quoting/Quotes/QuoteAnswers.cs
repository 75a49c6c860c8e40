using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WaaS.Quoting.Quotes;

/// <summary>What a quote write answers: the quote as it now stands, seen at the time of the request (expired shows).</summary>
public static class QuoteAnswers
{
    public static Func<IDocumentSession, Task<Ok<Quote>>> Updated(Guid id, DateTimeOffset now, CancellationToken ct) =>
        async session => TypedResults.Ok((await session.LoadAsync<Quote>(id, ct))!.AsSeenAt(now));
}
