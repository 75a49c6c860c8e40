using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Contract.Deals;

public sealed record DealView(
    Guid ContractId,
    string State,
    Guid ResellerId,
    string? Customer,
    int TermMonths,
    decimal? MonthlyNet,
    decimal TotalCommission,
    bool CommissionPayable,
    Guid? ShipmentId,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? RejectionReason,
    Guid? ReturnCaseId,
    IReadOnlyList<DealStep> History);

public static class DealEndpoints
{
    /// <summary>Where a deal stands and its history across every service.</summary>
    public static async Task<Results<Ok<DealView>, ProblemHttpResult>> GetDeal(Guid id, IQuerySession session, CancellationToken ct)
    {
        var deal = await session.LoadAsync<DealState>(id, ct);
        return deal is null
            ? Problems.NotFound("Deal", id)
            : TypedResults.Ok(new DealView(
                deal.CorrelationId, deal.CurrentState, deal.ResellerId, deal.Customer?.CompanyName, deal.TermMonths,
                deal.Monthly?.Net, deal.TotalCommission, deal.CommissionPayable, deal.ShipmentId, deal.StartDate, deal.EndDate,
                deal.RejectionReason, deal.ReturnCaseId, deal.History));
    }
}
