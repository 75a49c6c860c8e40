using WaaS.Contracting.Deals.Timeline;

namespace WaaS.Contracting.Deals.Reading;

/// <summary>A deal as its page shows it: where the flow stands (the saga) and what happened (the timeline).</summary>
public sealed record DealView(
    Guid ContractId,
    string State,
    Guid ResellerId,
    string? Customer,
    int TermMonths,
    int ExtendedMonths,
    decimal? MonthlyNet,
    decimal TotalCommission,
    bool CommissionPayable,
    Guid? ShipmentId,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? RejectionReason,
    string? ManualReviewReason,
    string? CancellationReason,
    string? ShipmentFailure,
    DateTimeOffset? CreditDecisionDueAt,
    DateTimeOffset? DeliveryDueAt,
    bool FlaggedForOperations,
    IReadOnlyList<DealFlag> Flags,
    Guid? PredecessorId,
    Guid? SuccessorId,
    Guid? ReturnCaseId,
    IReadOnlyList<DealStep> History)
{
    /// <summary>Sold or only referred by the reseller.</summary>
    public Contracts.SalesRole Role { get; init; }

    public static DealView Of(DealState deal, DealTimeline? timeline)
    {
        var t = timeline ?? new DealTimeline { Id = deal.CorrelationId };
        return new(deal.CorrelationId, deal.CurrentState, deal.ResellerId, deal.Customer?.CompanyName, deal.TermMonths, t.ExtendedMonths,
            deal.Monthly?.Net, deal.TotalCommission, t.CommissionPayable, t.ShipmentId, deal.StartDate, t.EndDate ?? deal.EndDate,
            t.RejectionReason, t.ManualReviewReason, t.CancellationReason, t.ShipmentFailure, deal.CreditDecisionDueAt,
            deal.DeliveryDueAt, t.Flags.Count > 0, t.Flags, t.PredecessorId, t.SuccessorId, t.ReturnCaseId, t.Ordered) { Role = deal.Role };
    }
}
