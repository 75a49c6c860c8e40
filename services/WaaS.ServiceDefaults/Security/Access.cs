using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// Who may call an endpoint. Every endpoint is closed by default (the fallback policy wants a valid WaaS token);
/// <see cref="For{TBuilder}"/> names the parties it serves, and a caller of any other party gets 403 naming the rule
/// <c>PartyNotAllowed</c>. The parties appear in the OpenAPI document (<c>x-waas-parties</c>), which is how the
/// access-matrix test finds a wrong-party caller for every route.
/// </summary>
public static class Access
{
    /// <summary>The endpoint serves only <paramref name="parties"/> (flags combine: <c>Party.Distributor | Party.ResellerStaff</c>).</summary>
    public static TBuilder For<TBuilder>(this TBuilder builder, Party parties) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AllowedParties(parties));
        return builder.RequireAuthorization(policy => policy
            .AddAuthenticationSchemes(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme)
            .AddRequirements(new PartyRequirement(parties)));
    }

    /// <summary>Only the distributor (operations or finance).</summary>
    public static TBuilder ForDistributor<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.For(Party.Distributor);
}

/// <summary>Endpoint metadata: the parties an endpoint serves.</summary>
public sealed record AllowedParties(Party Parties)
{
    /// <summary>Readable names of the flags, e.g. "Operations, Finance".</summary>
    public IReadOnlyList<string> Names => [.. Enum.GetValues<Party>()
        .Where(p => p is not (Party.None or Party.Distributor or Party.Reseller or Party.ContractReaders or Party.Anyone))
        .Where(p => Parties.HasFlag(p))
        .Select(p => p.ToString())];
}

/// <summary>Met when the caller is one of the allowed parties.</summary>
public sealed record PartyRequirement(Party Parties) : IAuthorizationRequirement;

internal sealed class PartyRequirementHandler : AuthorizationHandler<PartyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PartyRequirement requirement)
    {
        if (Caller.From(context.User) is { } caller && (caller.Party & requirement.Parties) != Party.None)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Met by any caller with a WaaS token (a tenant and a kind): the fallback for every endpoint.</summary>
public sealed record WaaSCallerRequirement : IAuthorizationRequirement;

internal sealed class WaaSCallerRequirementHandler : AuthorizationHandler<WaaSCallerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WaaSCallerRequirement requirement)
    {
        if (Caller.From(context.User) is not null)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
