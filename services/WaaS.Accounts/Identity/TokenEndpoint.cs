using Marten;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using WaaS.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WaaS.Accounts.Identity;

/// <summary>
/// The token endpoint (OpenIddict has authenticated the client and checked the grant already): client credentials
/// for machine clients, for the tenant they are registered for (a client registered for several names one with
/// <c>tenant=</c>); the authorization code for people, whose claims are read afresh from their account.
/// </summary>
public static class TokenEndpoint
{
    /// <summary>The token request parameter a multi-tenant client names its tenant with.</summary>
    public const string TenantParameter = "tenant";

    public static async Task<IResult> Handle(HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsClientCredentialsGrantType())
        {
            return await ClientCredentialsAsync(request, session, ct);
        }
        if (request.IsAuthorizationCodeGrantType())
        {
            var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = code.Principal?.GetClaim(Claims.Subject);
            if (!Guid.TryParse(userId, out var id) || await session.LoadAsync<AccountUser>(id, ct) is not { Disabled: false } user)
            {
                return Refuse(Errors.InvalidGrant, "The person signed in with this code no longer exists or is disabled.");
            }
            var principal = await TenantClaims.PrincipalAsync(session, user.Id.ToString(), request.ClientId!, user.TenantId, user.Roles,
                code.Principal!.GetScopes(), ct);
            return principal is null
                ? Refuse(Errors.InvalidGrant, $"The person's tenant '{user.TenantId}' does not exist.")
                : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Refuse(Errors.UnsupportedGrantType, "Use client_credentials (machine clients) or authorization_code with PKCE (people).");
    }

    private static async Task<IResult> ClientCredentialsAsync(OpenIddictRequest request, IQuerySession session, CancellationToken ct)
    {
        var clientId = request.ClientId!;
        if (await session.LoadAsync<ClientGrant>(clientId, ct) is not { Tenants.Length: > 0 } grant)
        {
            return Refuse(Errors.UnauthorizedClient, $"The client '{clientId}' is not registered for any tenant.");
        }
        var asked = (string?)request[TenantParameter];
        TenantGrant? tenant;
        if (string.IsNullOrWhiteSpace(asked))
        {
            if (grant.Tenants.Length > 1)
            {
                return Refuse(Errors.InvalidRequest,
                    $"The client '{clientId}' acts for several tenants: name one with '{TenantParameter}=<account id>' ({string.Join(", ", grant.Tenants.Select(t => t.TenantId))}).");
            }
            tenant = grant.Tenants[0];
        }
        else if (!Guid.TryParse(asked, out var askedId))
        {
            return Refuse(Errors.InvalidRequest, $"'{TenantParameter}' must be an account id (a GUID).");
        }
        else if ((tenant = grant.Tenants.FirstOrDefault(t => t.TenantId == askedId)) is null)
        {
            return Refuse(Errors.UnauthorizedClient, $"The client '{clientId}' is not registered to act for tenant '{askedId}'.");
        }
        var principal = await TenantClaims.PrincipalAsync(session, clientId, clientId, tenant.TenantId, tenant.Roles, [WaaSClaims.ApiScope], ct);
        return principal is null
            ? Refuse(Errors.UnauthorizedClient, $"The client's tenant '{tenant.TenantId}' does not exist.")
            : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
