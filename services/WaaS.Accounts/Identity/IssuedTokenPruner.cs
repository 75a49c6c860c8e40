using OpenIddict.Abstractions;
using WaaS.ServiceDefaults.Persistence;

namespace WaaS.Accounts.Identity;

/// <summary>
/// OpenIddict keeps a row per issued token and authorization (an authorization code must be redeemed once; a token can be
/// revoked). Each client-credentials token and each sign-in adds one, so once an hour the rows of tokens and
/// authorizations that ended (expired, redeemed, revoked) more than <see cref="Retention"/> ago are deleted.
/// </summary>
public sealed class IssuedTokenPruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IssuedTokenPruner> logger)
    : HourlyPruner(logger, "issued tokens and authorizations")
{
    /// <summary>How long an ended token's row is kept (for support questions about a sign-in).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(14);

    public override async Task<int> PruneAsync(CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = clock.GetUtcNow() - Retention;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, token);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, token);
        return (int)Math.Min(int.MaxValue, tokens + authorizations);
    }
}
