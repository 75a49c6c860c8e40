using MassTransit;
using WaaS.Contracting.RentalContracts.Ending;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Activating;

/// <summary>The saga decided the contract runs: record it on the contract's own stream and plan its end.</summary>
public sealed class ActivateContract : IConsumer<Contracts.ContractActivated>
{
    public Task Consume(ConsumeContext<Contracts.ContractActivated> context) =>
        context.DecideAsync<RentalContract>(context.Message.ContractId, contract => Decide(contract, context.Message));

    public static Decision Decide(RentalContract? contract, Contracts.ContractActivated activated)
    {
        if (contract is null)
        {
            return Decision.NotYet($"Contract {activated.ContractId} is not drafted yet.");
        }
        if (contract.Status != ContractStatus.Signed)
        {
            return Decision.Nothing;
        }
        var (reminder, remindAt) = EndOfTerm.Reminder(contract.Id, contract.ResellerId, activated.EndDate, activated.ActivatedAt);
        return Decision.Append(new ContractActivated(contract.Id, activated.StartDate, activated.EndDate, activated.Devices, activated.ActivatedAt))
            .AndSchedule(EndOfTerm.ScheduleKey(contract.Id), new EndOfTermReached(contract.Id, activated.EndDate), EndOfTerm.DueAt(activated.EndDate))
            .AndSchedule(EndOfTerm.ReminderKey(contract.Id), reminder, remindAt);
    }
}
