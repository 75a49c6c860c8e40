using System.Net;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Accounts.Identity;

public sealed record LoginForm(string? Email, string? Password, string? ReturnUrl);

/// <summary>The small server-rendered sign-in page of the authorization code flow: e-mail and password, antiforgery
/// token, then a cookie for the authorization endpoint and back to where the person came from (local addresses only).</summary>
public static class LoginPage
{
    private static readonly PasswordHasher<AccountUser> Hasher = new();

    public static IResult Show(string? returnUrl, HttpContext http, IAntiforgery antiforgery) =>
        Page(http, antiforgery, returnUrl, null, StatusCodes.Status200OK);

    public static async Task<IResult> SignIn([FromForm] LoginForm form, HttpContext http, IAntiforgery antiforgery, IQuerySession session, CancellationToken ct)
    {
        var email = form.Email?.Trim().ToLowerInvariant() ?? "";
        var user = email.Length == 0 ? null : await session.Query<AccountUser>().Where(u => u.Email == email).FirstOrDefaultAsync(ct);
        if (user is null || user.Disabled || string.IsNullOrEmpty(form.Password)
            || Hasher.VerifyHashedPassword(user, user.PasswordHash, form.Password) == PasswordVerificationResult.Failed)
        {
            return Page(http, antiforgery, form.ReturnUrl, "The e-mail address or the password is not right.", StatusCodes.Status400BadRequest);
        }
        var identity = new ClaimsIdentity(IdentityServer.LoginScheme, WaaSClaims.Subject, WaaSClaims.Role);
        identity.AddClaim(new Claim(WaaSClaims.Subject, user.Id.ToString()));
        identity.AddClaim(new Claim("name", user.Name));
        await http.SignInAsync(IdentityServer.LoginScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/account/login?signedIn=1");
    }

    public static async Task<IResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(IdentityServer.LoginScheme);
        return Results.Redirect("/account/login");
    }

    public static string Hash(AccountUser user, string password) => Hasher.HashPassword(user, password);

    /// <summary>Only a path on this server: never another host (open redirect).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>WaaS sign in</title>
            <style>body{"{"}font-family:sans-serif;max-width:22rem;margin:4rem auto{"}"}label,input,button{"{"}display:block;width:100%;margin:.4rem 0{"}"}.error{"{"}color:#a00{"}"}</style></head>
            <body>
            <h1>Sign in</h1>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{E(error)}</p>")}
            <form method="post" action="/account/login">
              <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">
              <input type="hidden" name="ReturnUrl" value="{E(returnUrl)}">
              <label for="email">E-mail</label><input id="email" name="Email" type="email" autocomplete="username" required>
              <label for="password">Password</label><input id="password" name="Password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
