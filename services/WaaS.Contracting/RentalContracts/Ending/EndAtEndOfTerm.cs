using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Ending;

/// <summary>The end date passed: the contract ends and its devices are due back (or exchanged, with a successor).</summary>
public sealed class EndAtEndOfTerm(TimeProvider clock) : IConsumer<EndOfTermReached>
{
    public Task Consume(ConsumeContext<EndOfTermReached> context) =>
        context.DecideAsync<RentalContract>(context.Message.ContractId, contract => Decide(contract, clock.GetUtcNow()));

    /// <summary>Terminated meanwhile, or extended (the moved schedule fires later): nothing to do now.</summary>
    public static Decision Decide(RentalContract? contract, DateTimeOffset now) =>
        contract is null || !EndOfTerm.HasEnded(contract, DateOnly.FromDateTime(now.UtcDateTime))
            ? Decision.Nothing
            : Decision.Append(new ContractEnded(contract.Id, ContractEndReason.EndOfTerm, contract.EndDate!.Value, 0m, now))
                .AndPublish(new Contracts.ContractEnded(contract.Id, contract.ResellerId, ContractEndReason.EndOfTerm, contract.EndDate!.Value, 0m,
                    contract.Devices, now, contract.SuccessorId, contract.CustomerId));
}
