using MassTransit;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>Lets a state machine publish through the durable outbox, so the message commits with the saga state.</summary>
public static class SagaOutboxExtensions
{
    /// <summary>Publishes the message created by <paramref name="factory"/> through the scoped <see cref="IOutbox"/>.</summary>
    public static EventActivityBinder<TSaga, TData> PublishDurably<TSaga, TData, TMessage>(
        this EventActivityBinder<TSaga, TData> binder, Func<BehaviorContext<TSaga, TData>, TMessage> factory)
        where TSaga : class, SagaStateMachineInstance
        where TData : class
        where TMessage : class =>
        binder.Then(context => context.GetServiceOrCreateInstance<IOutbox>().Publish(factory(context)));
}
