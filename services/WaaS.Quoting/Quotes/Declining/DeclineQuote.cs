using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes.Declining;

public sealed record DeclineQuoteRequest(string? Reason);

/// <summary>The customer says no; the reason helps the reseller's follow-up.</summary>
public static class DeclineQuote
{
    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> Handle(
        Guid id, DeclineQuoteRequest request, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation().Required(request.Reason, "reason");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Quote", id);
        }
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (Quote quote) => Decide(quote, request.Reason!.Trim(), now), QuoteAnswers.Updated(id, now, ct), ct);
    }

    public static Decision Decide(Quote quote, string reason, DateTimeOffset now) =>
        QuoteRules.CanDecline(quote) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Append(new QuoteDeclined(quote.Id, reason, now));
}
