using Microsoft.Extensions.Logging;
using WaaS.ServiceDefaults.Persistence;

namespace WaaS.ServiceDefaults.Idempotency;

/// <summary>
/// Keeps idempotency keys for <see cref="Retention"/> (the design promises at least 24 hours) and deletes older ones
/// once an hour, by the injected clock. A retry after that runs the request again, like a request with a new key.
/// </summary>
public sealed class IdempotencyPruner(IdempotencyStore keys, TimeProvider clock, ILogger<IdempotencyPruner> logger)
    : HourlyPruner(logger, "idempotency keys")
{
    /// <summary>How long a key is kept after its first request.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    /// <summary>Deletes the keys older than the retention; returns how many went.</summary>
    public override Task<int> PruneAsync(CancellationToken token) => keys.PruneAsync(clock.GetUtcNow() - Retention, token);
}
