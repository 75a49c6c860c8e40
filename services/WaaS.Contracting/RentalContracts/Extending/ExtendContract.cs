using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracting.RentalContracts.Ending;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Extending;

public sealed record ExtendRequest(int? Months);

/// <summary>Extends an active contract at its original conditions; the end of term and its reminder move with it.</summary>
public static class ExtendContract
{
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Handle(
        Guid id, ExtendRequest request, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        if (ContractRules.OnlyTheResellerChangesItsContract(caller, "extend") is { } forbidden)
        {
            return forbidden.ToProblem();
        }
        if (request.Months is not { } months)
        {
            return Problems.Invalid("months", "Required", "'months' is the number of months to add (3, 6, ...).");
        }
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (RentalContract contract) => Decide(contract, months, now), ct);
    }

    public static Decision Decide(RentalContract contract, int months, DateTimeOffset now)
    {
        if (ExtensionRules.Check(contract, months) is { } broken)
        {
            return Decision.Refuse(broken);
        }
        var previousEnd = contract.EndDate!.Value;
        var newEnd = ExtensionRules.NewEndDate(contract, months);
        var commission = ExtensionRules.CommissionFor(contract, months);
        var (reminder, remindAt) = EndOfTerm.Reminder(contract.Id, contract.ResellerId, newEnd, now);
        return Decision.Append(new ContractExtended(contract.Id, months, previousEnd, newEnd, commission, now))
            .AndPublish(new Contracts.ContractExtended(contract.Id, contract.ResellerId, contract.Extensions + 1, months,
                contract.TotalTermMonths + months, previousEnd, newEnd, contract.Monthly, commission, now))
            .AndSchedule(EndOfTerm.ScheduleKey(contract.Id), new EndOfTermReached(contract.Id, newEnd), EndOfTerm.DueAt(newEnd))
            .AndSchedule(EndOfTerm.ReminderKey(contract.Id), reminder, remindAt);
    }
}
