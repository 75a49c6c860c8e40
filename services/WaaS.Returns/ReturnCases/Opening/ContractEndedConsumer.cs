using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Returns.ReturnCases.Opening;

/// <summary>
/// A contract ended: its devices are due back within the return window. A redelivered message is dropped by the
/// inbox, so one ending opens one case.
/// </summary>
public sealed class ContractEndedConsumer(TimeProvider clock) : IConsumer<ContractEnded>
{
    public Task Consume(ConsumeContext<ContractEnded> context)
    {
        var caseId = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        return context.StartAsync<ReturnCase>(caseId, Decide(caseId, context.Message, now));
    }

    public static Decision Decide(Guid caseId, ContractEnded ended, DateTimeOffset now)
    {
        var deadline = ReturnPolicy.Deadline(ended.EndDate);
        return Decision.Append(new ReturnCaseOpened(caseId, ended.ContractId, deadline, ended.Devices, now, ended.SuccessorId, ended.Reason, ended.ResellerId, ended.CustomerId))
            .AndPublish(new Contracts.ReturnCaseOpened(caseId, ended.ContractId, deadline, now));
    }
}
