using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Quoting.Catalogue;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.PriceLists.Withdrawing;

public sealed record WithdrawItemRequest(string? Sku, string? Reason);

public sealed record ItemWithdrawal(string Sku, string Reason, DateTimeOffset WithdrawnAt);

/// <summary>Takes an item out of new quotes at once; quotes and contracts that already hold it keep it.</summary>
public static class WithdrawItem
{
    public static async Task<Results<Ok<ItemWithdrawal>, ProblemHttpResult>> Handle(
        WithdrawItemRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<PriceListBook>(PriceListBook.StreamId, ct);
        var item = request.Sku is null ? null : await session.LoadAsync<CatalogueItem>(request.Sku, ct);
        var v = new Validation()
            .Required(request.Sku, "sku")
            .Required(request.Reason, "reason");
        if (request.Sku is not null)
        {
            v.Require(item is not null, "sku", "KnownItem", $"'{request.Sku}' is not in the catalogue.")
             .Require(stream.Aggregate?.IsWithdrawn(request.Sku) != true, "sku", "WithdrawOnce", $"'{request.Sku}' is already withdrawn.");
        }
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        var withdrawn = new ItemWithdrawn(PriceListBook.StreamId, item!.Id, request.Reason!.Trim(), clock.GetUtcNow());
        stream.AppendOne(withdrawn);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("ExpectedVersion", "The price list changed meanwhile; retry.");
        }
        return TypedResults.Ok(new ItemWithdrawal(withdrawn.Sku, withdrawn.Reason, withdrawn.WithdrawnAt));
    }
}
