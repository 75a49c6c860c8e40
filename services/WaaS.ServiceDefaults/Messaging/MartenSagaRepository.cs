using Marten;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>
/// Saga repository on Marten documents (MassTransit.Marten is not available to us). It uses the message's
/// scoped <see cref="IDocumentSession"/>, so saga state, inbox marker and outbox messages commit together;
/// the saga document uses optimistic concurrency, so a concurrent update fails and the message is retried.
/// </summary>
public sealed class MartenSagaRepositoryContextFactory<TSaga>(
    IDocumentSession session,
    ISagaConsumeContextFactory<IDocumentSession, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        next.Send(new MartenSagaRepositoryContext<TSaga, T>(session, context, factory));

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        var instances = await session.Query<TSaga>().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
        var repositoryContext = new MartenSagaRepositoryContext<TSaga, T>(session, context, factory);
        await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances.ToList()));
    }

    public void Probe(ProbeContext context) => context.Add("persistence", "marten");
}

internal sealed class MartenSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    private readonly IDocumentSession session;
    private readonly ConsumeContext<TMessage> consumeContext;
    private readonly ISagaConsumeContextFactory<IDocumentSession, TSaga> factory;

    public MartenSagaRepositoryContext(
        IDocumentSession session, ConsumeContext<TMessage> consumeContext, ISagaConsumeContextFactory<IDocumentSession, TSaga> factory)
        : base(consumeContext)
    {
        this.session = session;
        this.consumeContext = consumeContext;
        this.factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(session, consumeContext, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        factory.CreateSagaConsumeContext(session, consumeContext, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        session.Insert(instance);
        await session.SaveChangesAsync(CancellationToken);
        return await factory.CreateSagaConsumeContext(session, consumeContext, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await session.LoadAsync<TSaga>(correlationId, CancellationToken);
        return instance is null
            ? null!
            : await factory.CreateSagaConsumeContext(session, consumeContext, instance, SagaConsumeContextMode.Load);
    }

    // A new instance is inserted, never upserted: two first messages racing for one saga cannot both win.
    public Task Save(SagaConsumeContext<TSaga> context)
    {
        session.Insert(context.Saga);
        return session.SaveChangesAsync(CancellationToken);
    }

    public Task Update(SagaConsumeContext<TSaga> context)
    {
        session.Update(context.Saga);
        return session.SaveChangesAsync(CancellationToken);
    }

    public Task Delete(SagaConsumeContext<TSaga> context)
    {
        session.Delete(context.Saga);
        return session.SaveChangesAsync(CancellationToken);
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        session.Eject(context.Saga);
        return Task.CompletedTask;
    }
}
