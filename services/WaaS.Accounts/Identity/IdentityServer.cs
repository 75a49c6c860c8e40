using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using WaaS.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WaaS.Accounts.Identity;

/// <summary>
/// The OpenID Connect / OAuth 2.0 server (OpenIddict): client credentials for machine clients, authorization code +
/// PKCE for people, signed (not encrypted) JWT access tokens for audience waas-api, scope waas.api.
/// </summary>
public static class IdentityServer
{
    /// <summary>How long an access token lives. Short, so a suspended user or a changed hierarchy takes effect soon.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>The cookie of a person signed in at the login page (only the authorization endpoint reads it).</summary>
    public const string LoginScheme = "waas-login";

    /// <summary>In Development (and the local run) tokens are served over plain HTTP; elsewhere only if this is "true"
    /// (TLS terminated in front of the service).</summary>
    public const string AllowHttpSetting = "WAAS_IDENTITY_ALLOW_HTTP";

    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var issuer = builder.Configuration[SecurityExtensions.IssuerSetting] is { Length: > 0 } configured
            ? configured
            : development
                ? SecurityExtensions.DevelopmentAuthority
                : throw new InvalidOperationException(
                    $"{SecurityExtensions.IssuerSetting} is not set. Set it to the public address tokens name as their issuer " +
                    "(e.g. https://waas.example.com/); every service validates it.");
        var keys = SigningKeys.From(builder.Configuration, development);
        var schema = new IdentitySchema(builder.Configuration["WAAS_SCHEMA"] is { Length: > 0 } own ? own : "accounts");

        builder.Services.AddSingleton(schema);
        builder.Services.AddDbContext<IdentityDb>((services, options) =>
        {
            options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>());
            options.ReplaceService<IModelCacheKeyFactory, SchemaModelCacheKeyFactory>();
            options.UseOpenIddict();
        });
        builder.Services.AddHostedService<IdentityStoreSetup>();
        builder.Services.AddSingleton<IssuedTokenPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IssuedTokenPruner>());

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(issuer, UriKind.Absolute));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange();
                server.RegisterScopes(WaaSClaims.ApiScope, Scopes.OpenId, Scopes.Profile);
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                server.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5));
                server.DisableAccessTokenEncryption();
                server.AddSigningCredentials(keys.Signing);
                server.AddEncryptionCredentials(keys.Encryption);
                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough();
                if (development || string.Equals(builder.Configuration[AllowHttpSetting], "true", StringComparison.OrdinalIgnoreCase))
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddAuthentication().AddCookie(LoginScheme, cookie =>
        {
            cookie.Cookie.Name = ".waas.login";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/account/login";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(1);
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddDataProtectionInDatabase();
        builder.Services.AddAntiforgery(o => o.Cookie.Name = ".waas.antiforgery");
        return builder;
    }

    public static WebApplication MapIdentityServer(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.Handle)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/connect/token", TokenEndpoint.Handle).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/account/login", LoginPage.Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/login", LoginPage.SignIn).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", (Delegate)LoginPage.SignOut).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
