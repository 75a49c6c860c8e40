using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Accounts;
using WaaS.Quoting.Quotes.Document;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes.Sending;

public sealed record SendQuoteRequest(string? To, string? ContactName);

/// <summary>
/// The reseller sends the quote document: we record to whom and when (sending again is recorded again) and publish
/// QuoteSent, on which the Notifications service mails the quote as PDF.
/// </summary>
public static class SendQuote
{
    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> Handle(
        Guid id, SendQuoteRequest request, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation()
            .Required(request.To, "to")
            .Require(request.To is null || request.To.Contains('@', StringComparison.Ordinal), "to", "EmailAddress", "'to' must be an e-mail address.");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        if (await session.VisibleAsync(caller, id, ct) is not { } seen)
        {
            return Problems.NotFound("Quote", id);
        }
        var accounts = await Sellers.LoadAsync(session, seen.ResellerId, null, ct);
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (Quote quote) => Decide(quote, accounts, request.To!.Trim(), request.ContactName?.Trim(), now),
            QuoteAnswers.Updated(id, now, ct), ct);
    }

    public static Decision Decide(Quote quote, Sellers accounts, string to, string? contactName, DateTimeOffset now) =>
        (QuoteRules.CanSend(quote, now) ?? SellingRules.MaySell(quote.ResellerId, accounts)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Append(new QuoteSent(quote.Id, to, contactName, now))
                .AndPublish(QuoteDocumentModel.Sent(quote, to, contactName, now));
}
