using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Catalogue;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.PriceLists.Withdrawing;

public sealed record WithdrawItemRequest(string? Sku, string? Reason);

public sealed record ItemWithdrawal(string Sku, string Reason, DateTimeOffset WithdrawnAt);

/// <summary>Takes an item out of new quotes at once; quotes and contracts that already hold it keep it.</summary>
public static class WithdrawItem
{
    public static async Task<Results<Ok<ItemWithdrawal>, ProblemHttpResult>> Handle(
        WithdrawItemRequest request, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var item = request.Sku is null ? null : await session.LoadAsync<CatalogueItem>(request.Sku, ct);
        var now = clock.GetUtcNow();
        return await http.DecideAsync(PriceListBook.StreamId, (PriceListBook book) => Decide(book, request, item, now),
            async written =>
            {
                var withdrawn = (await written.LoadAsync<PriceListBook>(PriceListBook.StreamId, ct))!.Withdrawn[^1];
                return TypedResults.Ok(new ItemWithdrawal(withdrawn.Sku, withdrawn.Reason, withdrawn.WithdrawnAt));
            }, ct);
    }

    public static Decision Decide(PriceListBook book, WithdrawItemRequest request, CatalogueItem? item, DateTimeOffset now)
    {
        var v = new Validation()
            .Required(request.Sku, "sku")
            .Required(request.Reason, "reason");
        if (request.Sku is not null)
        {
            v.Require(item is not null, "sku", "KnownItem", $"'{request.Sku}' is not in the catalogue.")
             .Require(!book.IsWithdrawn(request.Sku), "sku", "WithdrawOnce", $"'{request.Sku}' is already withdrawn.");
        }
        return v.IsValid
            ? Decision.Append(new ItemWithdrawn(PriceListBook.StreamId, item!.Id, request.Reason!.Trim(), now))
            : Decision.Refuse(Refusal.Invalid(v.Errors));
    }
}
