using Marten;

namespace WaaS.ServiceDefaults.Idempotency;

/// <summary>
/// The idempotency key the current request holds, if any. Every session of the request commits "this key's writes
/// happened" in its own transaction, so a key whose process died after the commit but before the answer was stored is
/// known to have changed something: it is then answered as lost, never run a second time.
/// </summary>
public sealed class IdempotencyClaim(IdempotencyStore store) : DocumentSessionListenerBase
{
    private (string Scope, string Key, Guid Claim)? _held;

    internal void Hold(string scope, string key, Guid claim) => _held = (scope, key, claim);

    /// <inheritdoc />
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (_held is var (scope, key, claim))
        {
            session.QueueSqlCommand(store.CommittedSql, scope, key, claim);
        }
        return Task.CompletedTask;
    }
}
