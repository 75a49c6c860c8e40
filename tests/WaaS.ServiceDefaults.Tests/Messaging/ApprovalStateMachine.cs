using System.Collections.Concurrent;
using MassTransit;
using WaaS.ServiceDefaults.Tests.Hosting;

namespace WaaS.ServiceDefaults.Tests.Messaging;

public sealed record ApprovalOpened(Guid ApprovalId);

public sealed record ApprovalGiven(Guid ApprovalId, string By);

/// <summary>A tiny saga on the Marten repository: opened once, then counts approvals.</summary>
public sealed class ApprovalStateMachine : MassTransitStateMachine<ApprovalSaga>
{
    public ApprovalStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Opened, e => e.CorrelateById(m => m.Message.ApprovalId));
        Event(() => Given, e => e.CorrelateById(m => m.Message.ApprovalId));

        Initially(When(Opened).TransitionTo(Open));
        During(Open, When(Given).ThenAsync(async context =>
        {
            await context.GetServiceOrCreateInstance<ApprovalGate>().ArriveAsync(context.Saga.CorrelationId);
            context.Saga.Approvals++;
            context.Saga.LastApprover = context.Message.By;
        }));
    }

    public State Open { get; private set; } = null!;

    public Event<ApprovalOpened> Opened { get; private set; } = null!;

    public Event<ApprovalGiven> Given { get; private set; } = null!;
}

/// <summary>
/// Holds the first two approvals of a saga until both have loaded it, so they update the same version: one of them
/// must lose. Later attempts (the loser's retry) pass at once.
/// </summary>
public sealed class ApprovalGate
{
    private readonly ConcurrentDictionary<Guid, (TaskCompletionSource Both, int Arrivals)> _sagas = new();

    public int Arrivals(Guid saga) => _sagas.TryGetValue(saga, out var entry) ? entry.Arrivals : 0;

    public Task ArriveAsync(Guid saga)
    {
        var entry = _sagas.AddOrUpdate(saga,
            _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), 1),
            (_, e) => (e.Both, e.Arrivals + 1));
        if (entry.Arrivals >= 2)
        {
            entry.Both.TrySetResult();
        }
        return entry.Both.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
