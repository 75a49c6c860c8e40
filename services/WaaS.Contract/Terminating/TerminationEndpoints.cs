using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Contract.Contracts;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;
using WaaS.Contract.Terms;

namespace WaaS.Contract.Terminating;

public static class TerminationEndpoints
{
    /// <summary>Ends an active contract today; the fee is due and the devices must come back.</summary>
    public static async Task<Results<Ok<RentalContract>, ProblemHttpResult>> Terminate(
        Guid id, IDocumentSession session, IOutbox outbox, IDurableScheduler scheduler, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return await ContractWrites.Decide(id, session, outbox, scheduler, http, contract =>
        {
            if (contract.Status != ContractStatus.Active)
            {
                return Decision.Refuse(Problems.Conflict("TerminateOnlyActive", $"The contract is {contract.Status}; only an active contract can be terminated."));
            }
            var fee = EarlyTermination.FeeFor(contract, today);
            return Decision.Append(new ContractTerminatedEarly(contract.Id, today, fee, now))
                .AndPublish(new ContractEnded(contract.Id, contract.ResellerId, ContractEndReason.TerminatedEarly, today, fee, contract.Devices, now, contract.SuccessorId))
                .AndCancelSchedule(EndOfTerm.ScheduleKey(contract.Id))
                .AndCancelSchedule(EndOfTerm.ReminderKey(contract.Id));
        }, ct);
    }

    /// <summary>The customer can never buy the hardware: the distributor owns it for its whole life.</summary>
    public static async Task<ProblemHttpResult> RequestPurchase(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<RentalContract>(id, ct) is null
            ? Problems.NotFound("Contract", id)
            : Problems.RuleBroken("NoPurchase",
                "Rented devices cannot be bought: the distributor owns them, takes them back at the end and refurbishes them. " +
                "Ask the reseller for an extension or a successor contract instead.");
}
