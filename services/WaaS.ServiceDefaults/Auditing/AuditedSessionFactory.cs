using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Http;
using WaaS.ServiceDefaults.Idempotency;

namespace WaaS.ServiceDefaults.Auditing;

/// <summary>
/// Opens the scoped sessions (lightweight, as before) already stamped with who causes their writes: inside an HTTP
/// request the caller of its token and the request's correlation; anywhere else the system, until a message's
/// <see cref="AuditConsumeFilter{T}"/> restores the sender's audit. It also lets a request's idempotency claim commit
/// with the request's writes (<see cref="IdempotencyClaim"/>).
/// </summary>
public sealed class AuditedSessionFactory(IDocumentStore store, IHttpContextAccessor http, IdempotencyClaim claim) : ISessionFactory
{
    /// <inheritdoc />
    public IQuerySession QuerySession() => store.QuerySession();

    /// <inheritdoc />
    public IDocumentSession OpenSession()
    {
        var options = new SessionOptions { Tracking = DocumentTracking.None };
        options.Listeners.Add(claim);
        var session = store.OpenSession(options);
        (http.HttpContext is { } context ? Audit.Of(context) : Audit.System()).ApplyTo(session);
        return session;
    }
}
