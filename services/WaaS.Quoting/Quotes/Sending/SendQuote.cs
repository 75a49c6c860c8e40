using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Quoting.Quotes.Sending;

public sealed record SendQuoteRequest(string? To, string? ContactName);

/// <summary>The reseller sends the quote document; we record to whom and when (sending again is recorded again).</summary>
public static class SendQuote
{
    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> Handle(
        Guid id, SendQuoteRequest request, IDocumentSession session, IOutbox outbox, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation()
            .Required(request.To, "to")
            .Require(request.To is null || request.To.Contains('@', StringComparison.Ordinal), "to", "EmailAddress", "'to' must be an e-mail address.");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        return await QuoteWrites.Decide(id, session, outbox, clock, http, (quote, now) =>
            QuoteRules.CanSend(quote, now) is { } refusal
                ? Decision.Refuse(refusal)
                : Decision.Append(new QuoteSent(id, request.To!.Trim(), request.ContactName?.Trim(), now)), ct);
    }
}
