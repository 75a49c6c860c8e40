using Marten;

namespace WaaS.ServiceDefaults.Security;

/// <summary>One event of a stream as the audit shows it: what happened, when, who caused it, through which client, for
/// which tenant, in which correlation.</summary>
public sealed record AuditEntry(
    long Version,
    string What,
    DateTimeOffset At,
    string? Subject,
    string? Client,
    string? Tenant,
    string? TenantKind,
    string? CorrelationId);

/// <summary>Reads who did what to a stream from the events' metadata (Marten user name, correlation id, headers).</summary>
public static class AuditTrail
{
    /// <summary>The stream's events, oldest first; empty when there is no such stream.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadAsync(IQuerySession session, Guid streamId, CancellationToken ct = default)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return [.. events.Select(e => new AuditEntry(
            e.Version,
            e.EventTypeName,
            e.Timestamp,
            e.UserName,
            Header(e.Headers, AuditHeaders.Client),
            Header(e.Headers, AuditHeaders.Tenant),
            Header(e.Headers, AuditHeaders.TenantKind),
            e.CorrelationId))];
    }

    private static string? Header(Dictionary<string, object>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value) ? value?.ToString() : null;
}
