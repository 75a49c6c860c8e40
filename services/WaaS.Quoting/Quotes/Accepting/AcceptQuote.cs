using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes.Accepting;

/// <summary>
/// The customer accepts: QuoteAccepted goes out through the outbox in the same transaction, and the contract
/// service drafts the contract from exactly the quote's frozen lines, prices, VAT and commission.
/// </summary>
public static class AcceptQuote
{
    public static Task<Results<Ok<Quote>, ProblemHttpResult>> Handle(Guid id, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return http.DecideAsync(id, (Quote quote) => Decide(quote, now), QuoteAnswers.Updated(id, now, ct), ct);
    }

    public static Decision Decide(Quote quote, DateTimeOffset now)
    {
        if (QuoteRules.CanAccept(quote, now) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var contractId = Guid.CreateVersion7();
        return Decision.Append(new QuoteAccepted(quote.Id, contractId, now))
            .AndPublish(new Contracts.QuoteAccepted(quote.Id, contractId, quote.ResellerId, quote.Customer, quote.TermMonths, quote.Lines,
                quote.Monthly, quote.TotalCommission, now, quote.PriceListVersion));
    }
}
