using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WaaS.Accounts.Tests.Api;

namespace WaaS.Accounts.Tests.Identity;

/// <summary>Gets tokens from the in-process OpenID Connect server the way a real client does.</summary>
public static partial class TokenClient
{
    public const string Issuer = "http://localhost:5109/";

    public static async Task<(HttpStatusCode Status, JsonNode Body)> ClientCredentialsAsync(HttpClient http, string clientId, string secret, string? tenant = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "waas.api",
        };
        if (tenant is not null)
        {
            form["tenant"] = tenant;
        }
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public static async Task<string> AccessTokenAsync(HttpClient http, string clientId, string secret, string? tenant = null)
    {
        var (status, body) = await ClientCredentialsAsync(http, clientId, secret, tenant);
        status.Should().Be(HttpStatusCode.OK, "the body was {0}", body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    public static JwtSecurityToken Decode(string token) => new JwtSecurityTokenHandler().ReadJwtToken(token);

    /// <summary>Validates <paramref name="token"/> as a resource server does: signature by the server's published JWKS,
    /// issuer, audience, lifetime (at <paramref name="now"/>, the server's clock).</summary>
    public static async Task<TokenValidationResult> ValidateAsync(HttpClient http, string token, DateTimeOffset now)
    {
        var jwks = new JsonWebKeySet(await http.GetStringAsync("/.well-known/jwks"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = "waas-api",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            LifetimeValidator = (notBefore, expires, _, _) => (notBefore is null || notBefore <= now.UtcDateTime.AddSeconds(30)) && expires > now.UtcDateTime,
        });
    }

    public sealed record Pkce(string Verifier, string Challenge);

    public static Pkce NewPkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public const string RedirectUri = "http://127.0.0.1/callback";

    /// <summary>A browser for the authorization code flow: keeps cookies, does not follow redirects.</summary>
    public static HttpClient Browser(AccountsApi api) =>
        api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Walks /connect/authorize → login page → sign in → back to authorize → the code at the redirect URI.</summary>
    public static async Task<string> AuthorizationCodeAsync(HttpClient browser, string email, string password, Pkce pkce, string state = "xyz")
    {
        var authorize = $"/connect/authorize?response_type=code&client_id=waas-console&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
                        $"&scope={Uri.EscapeDataString("openid waas.api")}&state={state}&code_challenge={pkce.Challenge}&code_challenge_method=S256";
        using var first = await browser.GetAsync(authorize);
        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var login = first.Headers.Location!;
        login.AbsolutePath.Should().Be("/account/login");

        var page = await browser.GetStringAsync(login.PathAndQuery);
        var antiforgery = AntiforgeryField().Match(page);
        antiforgery.Success.Should().BeTrue("the login page carries an antiforgery token");
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value);
        using var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["ReturnUrl"] = returnUrl,
            ["Email"] = email,
            ["Password"] = password,
        }));
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());

        using var back = await browser.GetAsync(signIn.Headers.Location!.OriginalString);
        back.StatusCode.Should().Be(HttpStatusCode.Redirect, await back.Content.ReadAsStringAsync());
        var callback = back.Headers.Location!;
        callback.GetLeftPart(UriPartial.Path).Should().Be(RedirectUri);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(callback.Query);
        query["state"].ToString().Should().Be(state);
        return query["code"].ToString();
    }

    public static async Task<(HttpStatusCode Status, JsonNode Body)> ExchangeAsync(HttpClient http, string code, string verifier)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "waas-console",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*RequestVerificationToken[^\"]*)\" value=\"([^\"]*)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<input type=\"hidden\" name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
