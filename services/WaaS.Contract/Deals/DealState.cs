using MassTransit;
using WaaS.Contracts;

namespace WaaS.Contract.Deals;

/// <summary>Where one deal stands, persisted as a Marten document (id = contract id) with optimistic concurrency.</summary>
public sealed class DealState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public Guid ResellerId { get; set; }
    public Customer? Customer { get; set; }
    public int TermMonths { get; set; }
    public MonthlyAmount? Monthly { get; set; }
    public decimal TotalCommission { get; set; }
    public List<DealLine> Lines { get; set; } = [];
    public Guid? ShipmentId { get; set; }
    public List<ShippedDevice> Devices { get; set; } = [];
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool CommissionPayable { get; set; }
    public string? RejectionReason { get; set; }
    public Guid? ReturnCaseId { get; set; }

    public string? ManualReviewReason { get; set; }
    public string? CancellationReason { get; set; }
    public string? ShipmentFailure { get; set; }
    public bool Dispatched { get; set; }
    public DateTimeOffset? CreditDecisionDueAt { get; set; }
    public DateTimeOffset? DeliveryDueAt { get; set; }
    public DateOnly? DeliverBy { get; set; }
    public DateOnly? ContinuesAfter { get; set; }
    public Guid? PredecessorId { get; set; }
    public Guid? SuccessorId { get; set; }
    public int ExtendedMonths { get; set; }

    /// <summary>Deadlines this deal missed: operations see them on the deal and in the flagged list.</summary>
    public List<DealFlag> Flags { get; set; } = [];

    /// <summary>What happened to the deal, across all services, in the order the saga saw it.</summary>
    public List<DealStep> History { get; set; } = [];

    public void Record(string service, string step, DateTimeOffset at, string? detail = null) =>
        History.Add(new DealStep(service, step, at, detail));
}

public sealed record DealStep(string Service, string Step, DateTimeOffset At, string? Detail);

public sealed record DealFlag(string Deadline, DateTimeOffset DueAt, DateTimeOffset FlaggedAt);
