using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Voiding;

/// <summary>The deal did not come about (credit refused, or cancelled before shipment): the signed contract is void.</summary>
public sealed class VoidContract : IConsumer<DealRejected>, IConsumer<DealCancelled>
{
    public Task Consume(ConsumeContext<DealRejected> context) =>
        context.DecideAsync<RentalContract>(context.Message.ContractId,
            contract => Decide(contract, context.Message.Reason, context.Message.RejectedAt));

    public Task Consume(ConsumeContext<DealCancelled> context) =>
        context.DecideAsync<RentalContract>(context.Message.ContractId,
            contract => Decide(contract, $"Cancelled: {context.Message.Reason}", context.Message.CancelledAt));

    public static Decision Decide(RentalContract? contract, string reason, DateTimeOffset at) =>
        contract is null ? Decision.NotYet("The contract is not drafted yet.")
        : contract.Status == ContractStatus.Voided ? Decision.Nothing
        : Decision.Append(new ContractVoided(contract.Id, reason, at));
}
