using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contract.Contracts;
using WaaS.Contract.Terms;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contract.Extending;

public sealed record ExtendRequest(int? Months);

public static class ExtensionEndpoints
{
    /// <summary>Extends an active contract at its original conditions; the end of term moves with it.</summary>
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Extend(
        Guid id, ExtendRequest request, IDocumentSession session, IOutbox outbox, IDurableScheduler scheduler, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        if (request.Months is not { } months)
        {
            return Problems.Invalid("months", "Required", "'months' is the number of months to add (3, 6, ...).");
        }
        var now = clock.GetUtcNow();
        return await ContractWrites.Decide(id, session, outbox, scheduler, http, contract => Decide(contract, months, now), ct);
    }

    public static Decision Decide(RentalContract contract, int months, DateTimeOffset now)
    {
        if (ExtensionRules.Check(contract, months) is { } broken)
        {
            return Decision.Refuse(broken.IsConflict
                ? Problems.Conflict(broken.Rule, broken.Message)
                : Problems.RuleBroken(broken.Rule, broken.Message, "months"));
        }
        var previousEnd = contract.EndDate!.Value;
        var newEnd = ExtensionRules.NewEndDate(contract, months);
        var commission = ExtensionRules.CommissionFor(contract, months);
        var (reminder, remindAt) = EndOfTerm.Reminder(contract.Id, contract.ResellerId, newEnd, now);
        return Decision.Append(new TermExtended(contract.Id, months, previousEnd, newEnd, commission, now))
            .AndPublish(new ContractExtended(contract.Id, contract.ResellerId, contract.Extensions + 1, months,
                contract.TotalTermMonths + months, previousEnd, newEnd, contract.Monthly, commission, now))
            .AndSchedule(EndOfTerm.ScheduleKey(contract.Id), new EndOfTermReached(contract.Id, newEnd), EndOfTerm.DueAt(newEnd))
            .AndSchedule(EndOfTerm.ReminderKey(contract.Id), reminder, remindAt);
    }
}
