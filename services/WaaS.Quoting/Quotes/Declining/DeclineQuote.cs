using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Quoting.Quotes.Declining;

public sealed record DeclineQuoteRequest(string? Reason);

/// <summary>The customer says no; the reason helps the reseller's follow-up.</summary>
public static class DeclineQuote
{
    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> Handle(
        Guid id, DeclineQuoteRequest request, IDocumentSession session, IOutbox outbox, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation().Required(request.Reason, "reason");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        return await QuoteWrites.Decide(id, session, outbox, clock, http, (quote, now) =>
            QuoteRules.CanDecline(quote) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Append(new QuoteDeclined(id, request.Reason!.Trim(), now)), ct);
    }
}
