using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WaaS.ServiceDefaults.Http;

/// <summary>
/// The distributor's own operations (publishing prices, deciding a referred credit check) are not for resellers or
/// customers: DOMAIN.md fixes prices by the distributor alone. Until the platform has real identities (OIDC at the
/// gateway), such endpoints require <c>Authorization: Bearer &lt;WAAS_OPERATOR_TOKEN&gt;</c>, a secret the
/// distributor's back-office tools hold (k8s: a Secret). Unset, the token is <see cref="DevelopmentToken"/>, so a
/// fresh checkout works; every deployment sets its own.
/// </summary>
public static class OperatorAccess
{
    public const string TokenSetting = "WAAS_OPERATOR_TOKEN";
    public const string DevelopmentToken = "waas-operator-dev";

    /// <summary>Answers 401 without a bearer token and 403 with a wrong one; runs the endpoint only for operators.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Problems.Unauthorized("OperatorTokenRequired", "Only the distributor's operators may do this: send 'Authorization: Bearer <operator token>'.");
            }
            var expected = http.RequestServices.GetRequiredService<IConfiguration>()[TokenSetting] is { Length: > 0 } configured ? configured : DevelopmentToken;
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(expected)))
            {
                return Problems.Forbidden("OperatorOnly", "The token is not the operator token; resellers and customers cannot do this.");
            }
            return await next(context);
        });
}
