using MassTransit;

namespace WaaS.ServiceDefaults.Tests.Hosting;

/// <summary>A tiny event-sourced aggregate, an inline snapshot as the services' aggregates are.</summary>
public sealed record Tally(Guid Id, int Count)
{
    public long Version { get; init; }

    public static Tally Create(TallyOpened e) => new(e.TallyId, 0);

    public Tally Apply(TallyCounted e) => this with { Count = Count + e.By };
}

public sealed record TallyOpened(Guid TallyId);

public sealed record TallyCounted(int By);

/// <summary>An integration message a tally decision publishes.</summary>
public sealed record TallyReached(Guid TallyId, int Count);

/// <summary>A message a tally decision schedules.</summary>
public sealed record TallyReminder(Guid TallyId);

/// <summary>Saga state stored with <c>AddSagaState</c>: correlation id as identity, optimistic concurrency.</summary>
public sealed class ApprovalSaga : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    public int Approvals { get; set; }

    public string? LastApprover { get; set; }
}
