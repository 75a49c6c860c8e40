using MassTransit;

namespace WaaS.ServiceDefaults.Scheduling;

/// <summary>Lets a state machine set and clear durable deadlines that commit with the saga state.</summary>
public static class SagaScheduleExtensions
{
    /// <summary>Schedules the message from <paramref name="factory"/> at the time <paramref name="dueAt"/> returns, under <paramref name="key"/>.</summary>
    public static EventActivityBinder<TSaga, TData> ScheduleDurably<TSaga, TData, TMessage>(
        this EventActivityBinder<TSaga, TData> binder,
        Func<BehaviorContext<TSaga, TData>, string> key,
        Func<BehaviorContext<TSaga, TData>, TMessage> factory,
        Func<BehaviorContext<TSaga, TData>, DateTimeOffset> dueAt)
        where TSaga : class, SagaStateMachineInstance
        where TData : class
        where TMessage : class =>
        binder.Then(context => context.GetServiceOrCreateInstance<IDurableScheduler>().Schedule(key(context), factory(context), dueAt(context)));

    /// <summary>Drops the deadline under <paramref name="key"/>.</summary>
    public static EventActivityBinder<TSaga, TData> CancelDurably<TSaga, TData>(
        this EventActivityBinder<TSaga, TData> binder, Func<BehaviorContext<TSaga, TData>, string> key)
        where TSaga : class, SagaStateMachineInstance
        where TData : class =>
        binder.Then(context => context.GetServiceOrCreateInstance<IDurableScheduler>().Cancel(key(context)));
}
