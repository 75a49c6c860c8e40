using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contracting.RentalContracts.Ending;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Terminating;

/// <summary>Ends an active contract today; the fee is due and the devices must come back.</summary>
public static class TerminateContract
{
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Handle(
        Guid id, Caller caller, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await session.VisibleAsync(caller, id, ct) is null)
        {
            return Problems.NotFound("Contract", id);
        }
        if (ContractRules.OnlyTheResellerChangesItsContract(caller, "terminate") is { } forbidden)
        {
            return forbidden.ToProblem();
        }
        var now = clock.GetUtcNow();
        return await http.DecideAsync(id, (RentalContract contract) => Decide(contract, now), ct);
    }

    public static Decision Decide(RentalContract contract, DateTimeOffset now)
    {
        if (contract.Status != ContractStatus.Active)
        {
            return Decision.Refuse(Refusal.Conflict("TerminateOnlyActive", $"The contract is {contract.Status}; only an active contract can be terminated."));
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var fee = EarlyTermination.FeeFor(contract, today);
        return Decision.Append(new ContractEnded(contract.Id, ContractEndReason.TerminatedEarly, today, fee, now))
            .AndPublish(new Contracts.ContractEnded(contract.Id, contract.ResellerId, ContractEndReason.TerminatedEarly, today, fee, contract.Devices, now,
                contract.SuccessorId, contract.CustomerId))
            .AndCancelSchedule(EndOfTerm.ScheduleKey(contract.Id))
            .AndCancelSchedule(EndOfTerm.ReminderKey(contract.Id));
    }
}
