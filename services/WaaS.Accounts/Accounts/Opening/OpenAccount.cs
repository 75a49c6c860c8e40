using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Accounts.Accounts.Opening;

/// <summary><paramref name="ParentId"/>: a sub-reseller's parent reseller, or a customer's reseller.</summary>
public sealed record OpenAccountRequest(AccountKind? Kind, string? Name, Guid? ParentId, string? VendorName);

/// <summary>The distributor opens resellers, sub-resellers (a reseller with a parent) and vendors; a reseller's staff
/// registers its own end customers. Resellers start pending (activated by the distributor once vetted); customers and
/// vendors are active at once.</summary>
public static class OpenAccount
{
    public static async Task<Results<Created<Account>, ProblemHttpResult>> Handle(
        OpenAccountRequest request, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation()
            .Require(request.Kind is not null, "kind", "Required", "'kind' is required: reseller, customer or vendor.")
            .Required(request.Name, "name")
            .Require(request.Name is null || request.Name.Trim().Length <= 200, "name", "MaxLength200", "'name' is at most 200 characters.")
            .Require(request.Kind != AccountKind.Vendor || !string.IsNullOrWhiteSpace(request.VendorName), "vendorName", "Required",
                "A vendor is named as the catalogue spells it: 'vendorName' is required.");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        var parent = request.ParentId is { } parentId ? await session.LoadAsync<Account>(parentId, ct) : null;
        var id = Guid.CreateVersion7();
        var decision = Decide(request, caller, parent, id, clock.GetUtcNow());
        return await http.StartAsync<Account, Created<Account>>(id, decision,
            async written => TypedResults.Created($"/accounts/{id}", (await written.LoadAsync<Account>(id, ct))!), ct);
    }

    public static Decision Decide(OpenAccountRequest request, Caller caller, Account? parent, Guid id, DateTimeOffset now)
    {
        var kind = request.Kind!.Value;
        if ((AccountRules.DistributorIsNotOpened(kind)
             ?? AccountRules.ResellerOpensOnlyItsCustomers(caller, kind, request.ParentId)
             ?? AccountRules.ParentFitsTheHierarchy(kind, request.ParentId, parent)) is { } refusal)
        {
            return Decision.Refuse(refusal);
        }
        var opened = new AccountOpened(id, kind, request.Name!.Trim(), request.ParentId,
            kind == AccountKind.Vendor ? request.VendorName!.Trim() : null,
            Active: kind is AccountKind.Customer or AccountKind.Vendor,
            ParentMaySell: kind == AccountKind.Reseller && parent is { MaySell: true },
            now);
        return Decision.Append(opened).AndPublish((Account.Create(opened) with { Version = 1 }).ToMessage());
    }
}
