using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.ServiceDefaults.Auditing;

/// <summary>
/// Who causes what a session writes: the subject (Marten <c>LastModifiedBy</c>, recorded as the events' user name), the
/// client and tenant (event headers, <see cref="AuditHeaders"/>), the correlation of the chain and the message that
/// caused it. A request's audit comes from its token; a message's from the headers its sender's audit put on it; what
/// the system does on its own names <see cref="AuditHeaders.SystemSubject"/>.
/// </summary>
public sealed record Audit(
    string Subject,
    string? Client = null,
    string? Tenant = null,
    string? TenantKind = null,
    string? CorrelationId = null,
    string? CausationId = null)
{
    /// <summary>An incoming correlation id a client may choose (else the W3C trace id is used).</summary>
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>The system acting on its own (deadlines, seeds, schedules), optionally within an existing chain.</summary>
    public static Audit System(string? correlationId = null) => new(AuditHeaders.SystemSubject, CorrelationId: correlationId);

    /// <summary>The audit of an HTTP request: its caller (the system when anonymous) and its correlation.</summary>
    public static Audit Of(HttpContext http)
    {
        var correlation = CorrelationOf(http);
        return Caller.From(http.User) is { } caller
            ? new Audit(caller.Subject, caller.ClientId, caller.TenantId.ToString(), caller.Kind.ToString().ToLowerInvariant(), correlation)
            : System(correlation);
    }

    /// <summary>A client-chosen <c>X-Correlation-Id</c> when it is sane (1-64 of letters, digits, '-', '_', '.', ':'),
    /// else the request's W3C trace id.</summary>
    public static string CorrelationOf(HttpContext http)
    {
        var incoming = http.Request.Headers[CorrelationHeader];
        if (incoming.Count == 1 && incoming[0] is { Length: > 0 and <= 64 } value
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return value;
        }
        return Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
    }

    /// <summary>The audit a message's headers carry (see <see cref="ToHeaders"/>); the system when they name nobody.</summary>
    public static Audit FromHeaders(Func<string, string?> header, string? fallbackCorrelation, string? causation) =>
        new(header(AuditHeaders.Subject) is { Length: > 0 } subject ? subject : AuditHeaders.SystemSubject,
            header(AuditHeaders.Client),
            header(AuditHeaders.Tenant),
            header(AuditHeaders.TenantKind),
            header(AuditHeaders.Correlation) ?? fallbackCorrelation,
            causation);

    /// <summary>What a session records: the subject as user name, the correlation and causation, the headers.</summary>
    public void ApplyTo(IDocumentSession session)
    {
        session.LastModifiedBy = Subject;
        session.CorrelationId = CorrelationId;
        session.CausationId = CausationId;
        foreach (var (name, value) in Named())
        {
            session.SetHeader(name, value);
        }
    }

    /// <summary>The audit a session was given (<see cref="ApplyTo"/>), to pass it on with the messages it writes.</summary>
    public static Audit? Of(IDocumentSession session) =>
        session.LastModifiedBy is { Length: > 0 } subject
            ? new Audit(subject, Text(session, AuditHeaders.Client), Text(session, AuditHeaders.Tenant),
                Text(session, AuditHeaders.TenantKind), session.CorrelationId, session.CausationId)
            : null;

    /// <summary>The headers a message carries so its consumer records the same person and chain.</summary>
    public Dictionary<string, string> ToHeaders()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { [AuditHeaders.Subject] = Subject };
        foreach (var (name, value) in Named())
        {
            headers[name] = value;
        }
        if (CorrelationId is not null)
        {
            headers[AuditHeaders.Correlation] = CorrelationId;
        }
        return headers;
    }

    private IEnumerable<(string Name, string Value)> Named()
    {
        if (Client is not null)
        {
            yield return (AuditHeaders.Client, Client);
        }
        if (Tenant is not null)
        {
            yield return (AuditHeaders.Tenant, Tenant);
        }
        if (TenantKind is not null)
        {
            yield return (AuditHeaders.TenantKind, TenantKind);
        }
    }

    private static string? Text(IDocumentSession session, string name) => session.GetHeader(name)?.ToString();
}
