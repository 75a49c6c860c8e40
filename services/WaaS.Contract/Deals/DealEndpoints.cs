using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Contract.Deals;

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
    public static DealView Of(DealState deal) =>
        new(deal.CorrelationId, deal.CurrentState, deal.ResellerId, deal.Customer?.CompanyName, deal.TermMonths, deal.ExtendedMonths,
            deal.Monthly?.Net, deal.TotalCommission, deal.CommissionPayable, deal.ShipmentId, deal.StartDate, deal.EndDate,
            deal.RejectionReason, deal.ManualReviewReason, deal.CancellationReason, deal.ShipmentFailure, deal.CreditDecisionDueAt,
            deal.DeliveryDueAt, deal.Flags.Count > 0, deal.Flags, deal.PredecessorId, deal.SuccessorId, deal.ReturnCaseId, deal.History);
}

public static class DealEndpoints
{
    /// <summary>Where a deal stands and its history across every service.</summary>
    public static async Task<Results<Ok<DealView>, ProblemHttpResult>> GetDeal(Guid id, IQuerySession session, CancellationToken ct)
    {
        var deal = await session.LoadAsync<DealState>(id, ct);
        return deal is null ? Problems.NotFound("Deal", id) : TypedResults.Ok(DealView.Of(deal));
    }

    /// <summary>Operations' worklist: deals that missed a deadline, or are stuck in a state that needs a person.</summary>
    public static async Task<Ok<IReadOnlyList<DealView>>> ForOperations(IQuerySession session, CancellationToken ct)
    {
        string[] needsAPerson = ["ManualReview", "CreditDecisionOverdue", "DeliveryOverdue", "ShipmentFailed", "ReturnedUndelivered"];
        var deals = await session.Query<DealState>()
            .Where(d => d.CurrentState.IsOneOf(needsAPerson) || (d.CurrentState == "Cancelled" && d.Flags.Any()))
            .OrderBy(d => d.CorrelationId)
            .Take(500)
            .ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<DealView>>([.. deals.Select(DealView.Of)]);
    }
}
