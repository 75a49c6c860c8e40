using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using WaaS.Contracts;

namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// Who sends a request, read from its validated access token: the subject, the client it came through, the tenant
/// (account) it acts for and its roles. Endpoints take it as a parameter; queries scope by it
/// (<see cref="Scoping.VisibleTo{T}"/>).
/// </summary>
public sealed record Caller(
    string Subject,
    string ClientId,
    Guid TenantId,
    AccountKind Kind,
    IReadOnlySet<string> Roles,
    Guid? ParentId = null,
    IReadOnlyList<Guid>? SubResellerIds = null,
    string? VendorName = null)
{
    /// <summary>The party the caller is, from its tenant kind and roles (several flags when it holds several roles).</summary>
    public Party Party => Kind switch
    {
        AccountKind.Distributor => (Roles.Contains(Security.Roles.Operations) ? Party.Operations : Party.None)
                                   | (Roles.Contains(Security.Roles.Finance) ? Party.Finance : Party.None),
        AccountKind.Reseller => (Roles.Contains(Security.Roles.Sales) ? Party.ResellerStaff : Party.None)
                                | (Roles.Contains(Security.Roles.Integration) ? Party.ResellerPartner : Party.None),
        AccountKind.Customer => Roles.Contains(Security.Roles.Customer) ? Party.Customer : Party.None,
        AccountKind.Vendor => Roles.Overlaps([Security.Roles.Vendor, Security.Roles.Integration]) ? Party.Vendor : Party.None,
        _ => Party.None,
    };

    /// <summary>The distributor sees everything (read-only where a reseller owns the data).</summary>
    public bool IsDistributor => Kind == AccountKind.Distributor;

    /// <summary>The resellers whose business a reseller caller sees: itself and its sub-resellers.</summary>
    public IReadOnlyList<Guid> ResellerScope => Kind == AccountKind.Reseller ? [TenantId, .. SubResellerIds ?? []] : [];

    /// <summary>Whether this caller may see data owned by <paramref name="resellerId"/> for <paramref name="customerId"/>
    /// (for a decision on data already loaded through a scoped query; reads scope in the query).</summary>
    public bool Sees(Guid resellerId, Guid? customerId = null) => Kind switch
    {
        AccountKind.Distributor => true,
        AccountKind.Reseller => ResellerScope.Contains(resellerId),
        AccountKind.Customer => customerId == TenantId,
        _ => false,
    };

    /// <summary>For audit: "subject via client for tenant".</summary>
    public override string ToString() => $"{Subject} via {ClientId} for {Kind.ToString().ToLowerInvariant()} {TenantId}";

    /// <summary>Reads the caller from a validated principal; null when it is not a WaaS token.</summary>
    public static Caller? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(WaaSClaims.Tenant), out var tenant)
            || !Enum.TryParse<AccountKind>(user.FindFirstValue(WaaSClaims.TenantKind), ignoreCase: true, out var kind))
        {
            return null;
        }

        var subject = user.FindFirstValue(WaaSClaims.Subject) ?? "";
        var client = user.FindFirstValue(WaaSClaims.ClientId) ?? user.FindFirstValue("azp") ?? subject;
        var roles = user.FindAll(WaaSClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        Guid? parent = Guid.TryParse(user.FindFirstValue(WaaSClaims.Parent), out var p) ? p : null;
        var subs = user.FindAll(WaaSClaims.SubReseller)
            .Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToArray();
        return new Caller(subject, client, tenant, kind, roles, parent, subs, user.FindFirstValue(WaaSClaims.Vendor));
    }

    /// <summary>Minimal-API binding: an endpoint parameter of type <see cref="Caller"/> is the authenticated caller.
    /// Every WaaS endpoint requires authentication, so this is only null on anonymous endpoints.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult(From(context.User));
}
