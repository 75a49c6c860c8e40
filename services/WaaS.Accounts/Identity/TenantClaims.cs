using System.Security.Claims;
using Marten;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using WaaS.Accounts.Accounts;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WaaS.Accounts.Identity;

/// <summary>
/// The claims of a WaaS access token (docs/identity-and-tenancy.md): sub, client_id, one role claim per role,
/// waas_tenant, waas_kind (lowercase), waas_parent (a sub-reseller's parent), waas_sub (one per sub-reseller of a
/// reseller), waas_vendor (a vendor's catalogue name); audience waas-api, scope waas.api. Read fresh from the account
/// each time a token is issued, so a new sub-reseller shows in the parent's next token.
/// </summary>
public static class TenantClaims
{
    /// <summary>The principal for <paramref name="subject"/> acting for <paramref name="tenant"/>; null when the tenant
    /// account does not exist.</summary>
    public static async Task<ClaimsPrincipal?> PrincipalAsync(
        IQuerySession session, string subject, string clientId, Guid tenant, IEnumerable<string> roles, IEnumerable<string> scopes, CancellationToken ct)
    {
        if (await session.LoadAsync<Account>(tenant, ct) is not { } account)
        {
            return null;
        }
        var identity = new ClaimsIdentity(
            authenticationType: TokenValidationParameters.DefaultAuthenticationType,
            nameType: WaaSClaims.Subject,
            roleType: WaaSClaims.Role);
        identity.SetClaim(WaaSClaims.Subject, subject);
        identity.SetClaim(WaaSClaims.ClientId, clientId);
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(WaaSClaims.Role, role));
        }
        identity.SetClaim(WaaSClaims.Tenant, account.Id.ToString());
        identity.SetClaim(WaaSClaims.TenantKind, account.Kind.ToString().ToLowerInvariant());
        if (account.IsSubReseller)
        {
            identity.SetClaim(WaaSClaims.Parent, account.ParentId!.Value.ToString());
        }
        if (account.Kind == AccountKind.Reseller && !account.IsSubReseller)
        {
            foreach (var sub in await session.SubResellersAsync(account.Id, ct))
            {
                identity.AddClaim(new Claim(WaaSClaims.SubReseller, sub.Id.ToString()));
            }
        }
        if (account.Kind == AccountKind.Vendor && account.VendorName is { } vendor)
        {
            identity.SetClaim(WaaSClaims.Vendor, vendor);
        }

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetAudiences(WaaSClaims.Audience);
        // Every WaaS claim goes into the access token (signed, not encrypted: resource servers read it); the identity
        // token carries only the subject (and what OpenIddict adds).
        principal.SetDestinations(claim => claim.Type == WaaSClaims.Subject
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return principal;
    }
}
