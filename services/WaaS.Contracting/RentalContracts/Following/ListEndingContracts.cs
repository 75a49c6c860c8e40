using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

using WaaS.Contracting.RentalContracts.Extending;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.RentalContracts.Following;

/// <summary>A running contract approaching its end, as the reseller's follow-up list shows it.</summary>
public sealed record EndingContract(
    Guid ContractId,
    string Customer,
    int TermMonths,
    int TotalTermMonths,
    DateOnly StartDate,
    DateOnly EndDate,
    int DaysLeft,
    bool CanBeExtended,
    Guid? SuccessorId);

public static class ListEndingContracts
{
    public const int MaximumWindowDays = 366;

    /// <summary>
    /// The active contracts the caller may see (a reseller: its own and its sub-resellers'; a customer: its own; the
    /// distributor: all, or one reseller's with <paramref name="resellerId"/>) whose last day falls within the next
    /// <paramref name="endingWithinDays"/> days.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<EndingContract>>, ProblemHttpResult>> List(
        Guid? resellerId, int? endingWithinDays, Caller caller, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var validation = new Validation()
            .Require(endingWithinDays is null or (>= 0 and <= MaximumWindowDays), "endingWithinDays", "Range",
                $"'endingWithinDays' is between 0 and {MaximumWindowDays}.");
        if (!validation.IsValid)
        {
            return Problems.Invalid(validation.Errors);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var until = today.AddDays(endingWithinDays ?? 90);
        // The inline snapshot is the read model; the reseller index narrows it to a handful of rows.
        var query = session.Visible(caller).Where(c => c.Status == ContractStatus.Active);
        if (resellerId is { } reseller)
        {
            query = query.Where(c => c.ResellerId == reseller);
        }
        var active = await query.ToListAsync(ct);
        IReadOnlyList<EndingContract> ending = [.. active
            .Where(c => c.EndDate is { } end && end >= today && end <= until)
            .OrderBy(c => c.EndDate)
            .Select(c => new EndingContract(c.Id, c.Customer.CompanyName, c.TermMonths, c.TotalTermMonths, c.StartDate!.Value, c.EndDate!.Value,
                c.EndDate!.Value.DayNumber - today.DayNumber, ExtensionRules.Check(c, ExtensionRules.StepMonths) is null, c.SuccessorId))];
        return TypedResults.Ok(ending);
    }
}
