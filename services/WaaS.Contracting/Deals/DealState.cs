using MassTransit;
using WaaS.Contracts;

namespace WaaS.Contracting.Deals;

/// <summary>
/// Where one deal stands, persisted as a Marten document (id = contract id) with optimistic concurrency. Only what the
/// flow needs to decide and to word its messages; what people read about a deal (history, flags, reasons) is the
/// <see cref="Timeline.DealTimeline"/> read model, fed by the messages themselves.
/// </summary>
public sealed class DealState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = "";
    public Guid ResellerId { get; set; }

    /// <summary>The end customer's account, when the quote named one (tenancy: its people see their deal).</summary>
    public Guid? CustomerId { get; set; }

    /// <summary>Sold or only referred by the reseller; passed on in ContractActivated.</summary>
    public SalesRole Role { get; set; } = SalesRole.Reseller;
    public Customer? Customer { get; set; }
    public int TermMonths { get; set; }
    public MonthlyAmount? Monthly { get; set; }
    public decimal TotalCommission { get; set; }
    public List<DealLine> Lines { get; set; } = [];
    public List<ShippedDevice> Devices { get; set; } = [];
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>Whether the devices left the warehouse: an overdue deal can be cancelled only before that.</summary>
    public bool Dispatched { get; set; }

    public DateTimeOffset? CreditDecisionDueAt { get; set; }
    public DateTimeOffset? DeliveryDueAt { get; set; }

    /// <summary>A successor's devices are due by this day.</summary>
    public DateOnly? DeliverBy { get; set; }

    /// <summary>A successor's term starts the day after this (its predecessor's last day).</summary>
    public DateOnly? ContinuesAfter { get; set; }
}
