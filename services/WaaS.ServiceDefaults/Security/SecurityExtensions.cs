using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using WaaS.ServiceDefaults.Http;

namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// Every WaaS host validates access tokens itself (defence in depth: the gateway checks them too). Tokens come from the
/// Accounts service's OpenID Connect server: signature by its published keys (JWKS), issuer, audience
/// <see cref="WaaSClaims.Audience"/> and lifetime. Every endpoint needs a valid token unless it says otherwise
/// (health, metrics and the API description are anonymous but not routed by the public gateway).
/// </summary>
public static class SecurityExtensions
{
    /// <summary>Where the identity server's metadata and keys are fetched (inside the cluster).</summary>
    public const string AuthoritySetting = "WAAS_IDENTITY_AUTHORITY";

    /// <summary>The issuer tokens must name (the public address); the authority when unset.</summary>
    public const string IssuerSetting = "WAAS_IDENTITY_ISSUER";

    /// <summary>Development and tests only: a symmetric key that replaces the identity server, so a service can be tested
    /// alone with tokens the test signs (tests/WaaS.Testing/TestTokens.cs). Refused outside Development.</summary>
    public const string TestSigningKeySetting = "WAAS_TEST_SIGNING_KEY";

    /// <summary>"false" lets a host fetch the identity metadata over plain HTTP outside Development (end-to-end tests on
    /// one machine, or TLS ended by a proxy in front of the identity server). Default: HTTPS required outside Development.</summary>
    public const string RequireHttpsSetting = "WAAS_IDENTITY_REQUIRE_HTTPS";

    /// <summary>The issuer of test-signed tokens.</summary>
    public const string TestIssuer = "https://waas.test/";

    /// <summary>The identity server's address in Development when nothing is configured (infra/services.tsv).</summary>
    public const string DevelopmentAuthority = "http://localhost:5109/";

    internal static IHostApplicationBuilder AddWaaSSecurity(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var development = builder.Environment.IsDevelopment();
        var testKey = configuration[TestSigningKeySetting];
        if (!string.IsNullOrEmpty(testKey) && !development)
        {
            throw new InvalidOperationException(
                $"{TestSigningKeySetting} is set outside the Development environment. Test-signed tokens are for tests only: unset it.");
        }

        var authority = configuration[AuthoritySetting];
        if (string.IsNullOrWhiteSpace(authority))
        {
            authority = development
                ? DevelopmentAuthority
                : throw new InvalidOperationException(
                    $"{AuthoritySetting} is not set. Set it to the Accounts service's OpenID Connect address (e.g. http://accounts:8080/); " +
                    "without it no token can be validated and the service would refuse every request.");
        }
        var issuer = configuration[IssuerSetting] is { Length: > 0 } configured ? configured : authority;

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.Audience = WaaSClaims.Audience;
            options.TokenValidationParameters.NameClaimType = WaaSClaims.Subject;
            options.TokenValidationParameters.RoleClaimType = WaaSClaims.Role;
            options.TokenValidationParameters.ValidAudience = WaaSClaims.Audience;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            if (!string.IsNullOrEmpty(testKey))
            {
                options.TokenValidationParameters.ValidIssuer = TestIssuer;
                options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(testKey));
            }
            else
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = bool.TryParse(configuration[RequireHttpsSetting], out var https) ? https : !development;
                options.TokenValidationParameters.ValidIssuers = [issuer, issuer.TrimEnd('/') + "/", issuer.TrimEnd('/')];
            }
            options.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    var (rule, message) = context.AuthenticateFailure is null
                        ? ("TokenRequired", "Send 'Authorization: Bearer <access token>'; the README says how a client gets one.")
                        : ("TokenInvalid", "The access token is not valid here (signature, issuer, audience or lifetime).");
                    context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
                        ? "Bearer"
                        : "Bearer error=\"invalid_token\"";
                    await Problems.Unauthorized(rule, message).ExecuteAsync(context.HttpContext);
                },
            };
        });

        builder.Services.AddSingleton<IAuthorizationHandler, PartyRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, WaaSCallerRequirementHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new WaaSCallerRequirement())
                .Build());
        return builder;
    }

    internal static WebApplication UseWaaSSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}

/// <summary>Answers a refused authorization as RFC 9457 problem details that name the rule.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden)
        {
            var allowed = context.GetEndpoint()?.Metadata.GetMetadata<AllowedParties>();
            var caller = Caller.From(context.User);
            var message = caller is null
                ? "The token does not name a WaaS tenant."
                : allowed is null
                    ? "The caller may not do this."
                    : $"This is for {string.Join(", ", allowed.Names)}; the caller acts as {caller.Kind.ToString().ToLowerInvariant()} with roles [{string.Join(", ", caller.Roles)}].";
            await Problems.Forbidden(caller is null ? "TenantRequired" : "PartyNotAllowed", message).ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}
