namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// Who caused an event, as Marten event metadata: <c>UserName</c> is the subject, <c>CorrelationId</c> the request's or
/// message's correlation id, and these headers name the client and tenant. The same names travel as MassTransit headers
/// so an event a consumer appends names the person whose request started the chain.
/// </summary>
public static class AuditHeaders
{
    public const string Subject = "waas-subject";
    public const string Client = "waas-client";
    public const string Tenant = "waas-tenant";
    public const string TenantKind = "waas-tenant-kind";

    /// <summary>On messages only: the correlation of the request that started the chain (events keep it as CorrelationId).</summary>
    public const string Correlation = "waas-correlation";

    /// <summary>The subject recorded for what the system does on its own (deadlines, schedules) with no person behind it.</summary>
    public const string SystemSubject = "system";
}
