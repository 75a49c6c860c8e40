using Marten;
using MassTransit;

namespace WaaS.ServiceDefaults.Auditing;

/// <summary>
/// A consumed message's session records the person whose request started the chain (the audit headers the outbox put
/// on the message, <see cref="Audit.ToHeaders"/>), the chain's correlation and the message as the cause. A message
/// without them (a deadline, another system) is recorded as the system's doing.
/// </summary>
public sealed class AuditConsumeFilter<T>(IDocumentSession session) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var correlation = (context.CorrelationId ?? context.ConversationId)?.ToString();
        Audit.FromHeaders(name => context.Headers.Get<string>(name), correlation, context.MessageId?.ToString()).ApplyTo(session);
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("waas-audit");
}
