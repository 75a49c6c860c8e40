using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracting.Deals.Timeline;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.Deals.Reading;

public static class DealQueries
{
    /// <summary>The deals <paramref name="caller"/> may see, in the query (like contracts).</summary>
    public static IQueryable<DealState> Visible(this IQuerySession session, Caller caller) =>
        session.Query<DealState>().VisibleTo(caller, d => d.ResellerId, d => d.CustomerId);

    /// <summary>Where a deal stands and its history across every service; another tenant's deal is not found.</summary>
    public static async Task<Results<Ok<DealView>, ProblemHttpResult>> Get(Guid id, Caller caller, IQuerySession session, CancellationToken ct)
    {
        var deal = await session.Visible(caller).Where(d => d.CorrelationId == id).FirstOrDefaultAsync(ct);
        return deal is null ? Problems.NotFound("Deal", id) : TypedResults.Ok(DealView.Of(deal, await session.LoadAsync<DealTimeline>(id, ct)));
    }

    /// <summary>Operations' worklist: deals stuck in a state that needs a person, or cancelled with devices to recall.</summary>
    public static async Task<Ok<IReadOnlyList<DealView>>> ForOperations(IQuerySession session, DealStateMachine machine, CancellationToken ct)
    {
        var needAPerson = machine.NeedAPerson.Select(s => s.Name).ToArray();
        var cancelled = machine.Cancelled.Name;
        var flaggedIds = (await session.Query<DealTimeline>().Where(t => t.Flags.Any()).Select(t => t.Id).ToListAsync(ct)).ToArray();
        var deals = await session.Query<DealState>()
            .Where(d => d.CurrentState.IsOneOf(needAPerson) || (d.CurrentState == cancelled && d.CorrelationId.IsOneOf(flaggedIds)))
            .OrderBy(d => d.CorrelationId)
            .Take(500)
            .ToListAsync(ct);
        var timelines = await session.LoadManyAsync<DealTimeline>(ct, deals.Select(d => d.CorrelationId));
        var byId = timelines.ToDictionary(t => t.Id);
        return TypedResults.Ok<IReadOnlyList<DealView>>([.. deals.Select(d => DealView.Of(d, byId.GetValueOrDefault(d.CorrelationId)))]);
    }
}
