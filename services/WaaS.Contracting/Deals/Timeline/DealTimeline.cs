namespace WaaS.Contracting.Deals.Timeline;

/// <summary>One step of a deal as people read it: which service reported what, when, and the detail that matters.</summary>
public sealed record DealStep(string Service, string Step, DateTimeOffset At, string? Detail);

/// <summary>Something operations must look at: a missed deadline, or devices to recall.</summary>
public sealed record DealFlag(string Deadline, DateTimeOffset DueAt, DateTimeOffset FlaggedAt);

/// <summary>
/// A deal's history and flags for people (deal page, operations list): a read model fed by the messages every service
/// publishes about the deal, not by the saga's state. A new service adds its step by adding a <c>When</c> here and a
/// consumer interface in <see cref="RecordTimeline"/>; the state machine does not change.
/// </summary>
public sealed class DealTimeline
{
    public Guid Id { get; set; }

    /// <summary>The selling reseller and the customer's account (from ContractSigned), for tenancy.</summary>
    public Guid ResellerId { get; set; }
    public Guid? CustomerId { get; set; }
    public int TermMonths { get; set; }
    public int ExtendedMonths { get; set; }
    public DateOnly? EndDate { get; set; }
    public bool CommissionPayable { get; set; }
    public Guid? ShipmentId { get; set; }
    public Guid? PredecessorId { get; set; }
    public Guid? SuccessorId { get; set; }
    public Guid? ReturnCaseId { get; set; }
    public string? RejectionReason { get; set; }
    public string? ManualReviewReason { get; set; }
    public string? CancellationReason { get; set; }
    public string? ShipmentFailure { get; set; }
    public List<DealFlag> Flags { get; set; } = [];
    public List<DealStep> History { get; set; } = [];

    /// <summary>Steps in the order they happened; steps of one instant in the order the flow causes them.</summary>
    public IReadOnlyList<DealStep> Ordered => [.. History.Select((step, i) => (step, i))
        .OrderBy(s => s.step.At).ThenBy(s => CausalRank(s.step.Step)).ThenBy(s => s.i).Select(s => s.step)];

    public void Record(string service, string step, DateTimeOffset at, string? detail = null) =>
        History.Add(new DealStep(service, step, at, detail));

    public void Flag(string deadline, DateTimeOffset dueAt, DateTimeOffset flaggedAt, string step)
    {
        Flags.Add(new DealFlag(deadline, dueAt, flaggedAt));
        Record("operations", step, flaggedAt, $"was due {dueAt:u}");
    }

    private static readonly string[] Causal =
        ["ContractSigned", "CreditApproved", "CommissionPayable", "ShipmentCreated", "ShipmentDispatched", "ShipmentDelivered", "ContractActivated"];

    private static int CausalRank(string step) => Array.IndexOf(Causal, step) is var i and >= 0 ? i : Causal.Length;
}
