using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Credit.Customers.Tracking;

/// <summary>
/// Keeps each customer's exposure from the contract and billing events. An event naming only the contract finds its
/// customer through the <see cref="ContractLink"/> credit stored on the check or the activation; one that arrives
/// before it is redelivered later (<see cref="MessageArrivedEarlyException"/>). Each event sets a contract's part (so a
/// replay under a new id changes nothing), except a returned debit, which the inbox keeps from counting twice.
/// </summary>
public static class TrackExposure
{
    public static async Task<CustomerExposure> OfContractAsync(ConsumeContext context, Guid contractId)
    {
        var session = context.GetServiceOrCreateInstance<IDocumentSession>();
        var link = await session.LoadAsync<ContractLink>(contractId, context.CancellationToken)
            ?? throw new MessageArrivedEarlyException($"Contract {contractId} is not known to credit yet.");
        return await session.LoadAsync<CustomerExposure>(link.CustomerKey, context.CancellationToken)
            ?? throw new MessageArrivedEarlyException($"Customer {link.CustomerKey} has no exposure yet.");
    }

    public static async Task UpdateAsync(ConsumeContext context, Guid contractId, Action<CustomerExposure> update)
    {
        var exposure = await OfContractAsync(context, contractId);
        update(exposure);
        context.GetServiceOrCreateInstance<IDocumentSession>().Store(exposure);
    }
}

/// <summary>The contract runs: its rates not yet due replace the deal's value (a contract credit never checked joins here).</summary>
public sealed class ContractActivatedConsumer(TimeProvider clock) : IConsumer<ContractActivated>
{
    public async Task Consume(ConsumeContext<ContractActivated> context)
    {
        var e = context.Message;
        var session = context.GetServiceOrCreateInstance<IDocumentSession>();
        var key = (await session.LoadAsync<ContractLink>(e.ContractId, context.CancellationToken))?.CustomerKey ?? CustomerKey.Of(e.Customer);
        var known = await session.LoadAsync<CustomerExposure>(key, context.CancellationToken);
        var exposure = known ?? CustomerExposure.For(e.Customer);
        exposure.Activated(e, clock.GetUtcNow());
        session.Keep(exposure, isNew: known is null);
        session.Store(new ContractLink(e.ContractId, key));
    }
}

/// <summary>No more rates; an early termination's fee is owed instead.</summary>
public sealed class ContractEndedConsumer(TimeProvider clock) : IConsumer<ContractEnded>
{
    public Task Consume(ConsumeContext<ContractEnded> context) =>
        TrackExposure.UpdateAsync(context, context.Message.ContractId, x => x.Ended(context.Message.ContractId, context.Message.TerminationFee, clock.GetUtcNow()));
}

/// <summary>The deal did not come about: its value no longer counts.</summary>
public sealed class DealRejectedConsumer(TimeProvider clock) : IConsumer<DealRejected>
{
    public Task Consume(ConsumeContext<DealRejected> context) =>
        TrackExposure.UpdateAsync(context, context.Message.ContractId, x => x.Voided(context.Message.ContractId, clock.GetUtcNow()));
}

/// <summary>The deal was cancelled before shipment: its value no longer counts.</summary>
public sealed class DealCancelledConsumer(TimeProvider clock) : IConsumer<DealCancelled>
{
    public Task Consume(ConsumeContext<DealCancelled> context) =>
        TrackExposure.UpdateAsync(context, context.Message.ContractId, x => x.Voided(context.Message.ContractId, clock.GetUtcNow()));
}

/// <summary>A debit came back: the amount is overdue and the customer is in dunning (every new exposure is referred).</summary>
public sealed class DebitReturnedConsumer(TimeProvider clock) : IConsumer<DebitReturned>
{
    public Task Consume(ConsumeContext<DebitReturned> context) =>
        TrackExposure.UpdateAsync(context, context.Message.ContractId, x => x.DebitReturned(context.Message.Amount, context.Message.ReturnedAt, clock.GetUtcNow()));
}

/// <summary>The customer settled what was overdue: dunning ends.</summary>
public sealed class DunningClearedConsumer(TimeProvider clock) : IConsumer<DunningCleared>
{
    public Task Consume(ConsumeContext<DunningCleared> context) =>
        TrackExposure.UpdateAsync(context, context.Message.ContractId, x => x.DunningCleared(clock.GetUtcNow()));
}
