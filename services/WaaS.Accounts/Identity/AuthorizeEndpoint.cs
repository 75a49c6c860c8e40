using Marten;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using WaaS.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WaaS.Accounts.Identity;

/// <summary>
/// The authorization endpoint (authorization code + PKCE; OpenIddict has checked the client, redirect URI and code
/// challenge): a person not signed in is sent to the login page and back; consent is implicit for our first-party
/// clients (the only ones registered with it), any other client is refused.
/// </summary>
public static class AuthorizeEndpoint
{
    private static readonly string[] Grantable = [WaaSClaims.ApiScope, Scopes.OpenId, Scopes.Profile];

    public static async Task<IResult> Handle(HttpContext http, IQuerySession session, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var login = await http.AuthenticateAsync(IdentityServer.LoginScheme);
        var user = Guid.TryParse(login.Principal?.GetClaim(Claims.Subject), out var userId)
            ? await session.LoadAsync<AccountUser>(userId, ct)
            : null;
        if (!login.Succeeded || user is null || user.Disabled || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenEndpoint.Refuse(Errors.LoginRequired, "The person is not signed in.");
            }
            var back = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. http.Request.Form] : [.. http.Request.Query]);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [IdentityServer.LoginScheme]);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, ct)
            ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
        if (await applications.GetConsentTypeAsync(application, ct) != ConsentTypes.Implicit)
        {
            return TokenEndpoint.Refuse(Errors.ConsentRequired, "Only first-party clients (implicit consent) may sign people in here.");
        }
        var principal = await TenantClaims.PrincipalAsync(session, user.Id.ToString(), request.ClientId!, user.TenantId, user.Roles,
            request.GetScopes().Intersect(Grantable), ct);
        return principal is null
            ? TokenEndpoint.Refuse(Errors.AccessDenied, $"The person's tenant '{user.TenantId}' does not exist.")
            : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
