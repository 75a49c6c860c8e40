using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.Quoting.Catalogue;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Quoting.Quotes;

public sealed record QuoteLineRequest(string? Sku, int Quantity);

public sealed record CreateQuoteRequest(Guid? ResellerId, Customer? Customer, int TermMonths, IReadOnlyList<QuoteLineRequest>? Lines);

public sealed record AcceptedQuote(Guid QuoteId, Guid ContractId);

public static class QuoteEndpoints
{
    public const int ValidityDays = 30;

    public static async Task<Results<Created<Quote>, ProblemHttpResult>> Create(
        CreateQuoteRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }
        var customer = request.Customer! with { Country = request.Customer!.Country.ToUpperInvariant() };
        var lines = request.Lines!.Select(l =>
        {
            var item = PriceList.Find(l.Sku!)!;
            var price = item.Prices[request.TermMonths];
            return new DealLine(item.Sku, item.Description, item.Vendor, item.Kind, l.Quantity, price.MonthlyPrice, price.Commission);
        }).ToList();

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Quote>(id, new QuoteDrafted(id, request.ResellerId!.Value, customer, request.TermMonths, lines,
            Pricing.Monthly(lines, customer.Country), Pricing.TotalCommission(lines),
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(ValidityDays), now));
        await session.SaveChangesAsync(ct);
        return TypedResults.Created($"/quotes/{id}", (await session.LoadAsync<Quote>(id, ct))!);
    }

    public static async Task<Results<Ok<Quote>, ProblemHttpResult>> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<Quote>(id, ct) is { } quote ? TypedResults.Ok(quote) : Problems.NotFound("Quote", id);

    /// <summary>The customer accepts: the contract draft is created from the quote's frozen lines, prices and commission.</summary>
    public static async Task<Results<Ok<AcceptedQuote>, ProblemHttpResult>> Accept(
        Guid id, IDocumentSession session, IOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Quote>(id, ct);
        if (stream.Aggregate is not { } quote)
        {
            return Problems.NotFound("Quote", id);
        }
        if (quote.Status != QuoteStatus.Draft)
        {
            return Problems.Conflict("AcceptOnce", $"The quote is already {quote.Status}.");
        }
        var now = clock.GetUtcNow();
        if (DateOnly.FromDateTime(now.UtcDateTime) > quote.ValidUntil)
        {
            return Problems.RuleBroken("QuoteExpired", $"The quote was valid until {quote.ValidUntil:yyyy-MM-dd}.");
        }
        var contractId = Guid.CreateVersion7();
        stream.AppendOne(new QuoteAcceptedByCustomer(id, contractId, now));
        outbox.Publish(new QuoteAccepted(id, contractId, quote.ResellerId, quote.Customer, quote.TermMonths, quote.Lines,
            quote.Monthly, quote.TotalCommission, now));
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(new AcceptedQuote(id, contractId));
    }

    private static Validation Validate(CreateQuoteRequest request)
    {
        var v = new Validation()
            .Require(request.ResellerId is { } r && r != Guid.Empty, "resellerId", "Required", "'resellerId' is required.")
            .Require(Pricing.Terms.Contains(request.TermMonths), "termMonths", "TermIs12Or24Or36Months", "The term must be 12, 24 or 36 months.")
            .Require(request.Customer is not null, "customer", "Required", "'customer' is required.")
            .Require(request.Lines is { Count: > 0 }, "lines", "Required", "A quote needs at least one line.");
        if (request.Customer is { } c)
        {
            v.Required(c.CompanyName, "customer.companyName")
             .Required(c.BillingEmail, "customer.billingEmail")
             .Require(c.Country is not null && Pricing.VatRates.ContainsKey(c.Country), "customer.country", "SupportedCountry",
                 $"The country must be one of {string.Join(", ", Pricing.VatRates.Keys)}.")
             .Required(c.VatId, "customer.vatId");
        }
        for (var i = 0; request.Lines is not null && i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            var item = line.Sku is null ? null : PriceList.Find(line.Sku);
            v.Require(item is not null, $"lines[{i}].sku", "KnownItem", $"'{line.Sku}' is not in the catalogue.")
             .Require(line.Quantity > 0, $"lines[{i}].quantity", "PositiveQuantity", "The quantity must be at least 1.");
            if (item is not null && Pricing.Terms.Contains(request.TermMonths))
            {
                v.Require(item.Prices.ContainsKey(request.TermMonths), $"lines[{i}].sku", "OfferedForTerm",
                    $"'{item.Sku}' is not offered for {request.TermMonths} months.");
            }
        }
        return v;
    }
}
