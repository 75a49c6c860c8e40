using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Accounts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes.Accepting;

/// <summary>
/// The customer accepts (itself, for a quote made out to its account, or through the reseller's staff or marketplace):
/// QuoteAccepted goes out through the outbox in the same transaction, and the contract service drafts the contract from
/// exactly the quote's frozen lines, prices, VAT and commission. A reseller that may no longer sell cannot close a deal.
/// </summary>
public static class AcceptQuote
{
    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> Handle(
        Guid id, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is not { } seen)
        {
            return Problems.NotFound("Quote", id);
        }
        var accounts = await Sellers.LoadAsync(session, seen.ResellerId, null, ct);
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (Quote quote) => Decide(quote, accounts, now), QuoteAnswers.Updated(id, now, ct), ct);
    }

    public static Decision Decide(Quote quote, Sellers accounts, DateTimeOffset now)
    {
        if ((QuoteRules.CanAccept(quote, now) ?? SellingRules.MaySell(quote.ResellerId, accounts)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var contractId = Guid.CreateVersion7();
        return Decision.Append(new QuoteAccepted(quote.Id, contractId, now))
            .AndPublish(new Contracts.QuoteAccepted(quote.Id, contractId, quote.ResellerId, quote.Customer, quote.TermMonths, quote.Lines,
                quote.Monthly, quote.TotalCommission, now, quote.PriceListVersion, quote.Role));
    }
}
