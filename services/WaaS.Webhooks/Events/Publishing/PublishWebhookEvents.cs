using System.Text.Json;
using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.Webhooks.Accounts;
using WaaS.Webhooks.Delivery;
using WaaS.Webhooks.Subscriptions;

namespace WaaS.Webhooks.Events.Publishing;

/// <summary>
/// Turns integration events into public webhook events and queues one delivery per subscription that wants each, in
/// the same transaction as the inbox marker (UnitOfWorkFilter): an event is queued exactly once, and delivered at least
/// once. The event id is the message id, so a redelivered message is the same event. Contract facts from signing and
/// activation fill in what later messages lack (the reseller of a rejection, the items of an extension).
/// </summary>
public sealed class PublishWebhookEvents(IDocumentSession session, DeliveryQueue queue, TimeProvider clock) :
    IConsumer<ContractSigned>,
    IConsumer<ContractActivated>,
    IConsumer<ContractExtended>,
    IConsumer<ContractEndingSoon>,
    IConsumer<ContractEnded>,
    IConsumer<DealRejected>,
    IConsumer<DealCancelled>,
    IConsumer<SellOutReported>
{
    public Task Consume(ConsumeContext<ContractSigned> context)
    {
        var m = context.Message;
        var items = m.Lines.Select(ItemV1.From).ToArray();
        session.Store(new ContractFacts(m.ContractId, m.ResellerId, items, MoneyV1.From(m.Monthly), CustomerV1.From(m.Customer)));
        return RaiseAsync(context, EventTypes.ContractSigned, m.ContractId, m.SignedAt, m.ResellerId, [],
            new ContractSignedV1(m.ContractId, m.ResellerId, CustomerV1.From(m.Customer), m.TermMonths, items, MoneyV1.From(m.Monthly),
                m.TotalCommission, m.PredecessorId, m.Role.ToString(), m.SignedAt));
    }

    public Task Consume(ConsumeContext<ContractActivated> context)
    {
        var m = context.Message;
        var items = m.Lines.Select(ItemV1.From).ToArray();
        session.Store(new ContractFacts(m.ContractId, m.ResellerId, items, MoneyV1.From(m.Monthly), CustomerV1.From(m.Customer)));
        return RaiseAsync(context, EventTypes.ContractActivated, m.ContractId, m.ActivatedAt, m.ResellerId, [],
            new ContractActivatedV1(m.ContractId, m.ResellerId, CustomerV1.From(m.Customer), m.TermMonths, m.StartDate, m.EndDate, items,
                MoneyV1.From(m.Monthly), [.. m.Devices.Select(d => new DeviceV1(d.Sku, d.SerialNumber))], m.Role.ToString(), m.ActivatedAt));
    }

    public async Task Consume(ConsumeContext<ContractExtended> context)
    {
        var m = context.Message;
        var facts = await session.LoadAsync<ContractFacts>(m.ContractId, context.CancellationToken);
        await RaiseAsync(context, EventTypes.ContractExtended, m.ContractId, m.ExtendedAt, m.ResellerId, [],
            new ContractExtendedV1(m.ContractId, m.ResellerId, m.ExtensionNumber, m.AddedMonths, m.TermMonths, m.PreviousEndDate, m.NewEndDate,
                MoneyV1.From(m.Monthly), m.Commission, facts?.Items, m.ExtendedAt));
    }

    public async Task Consume(ConsumeContext<ContractEndingSoon> context)
    {
        var m = context.Message;
        var facts = await session.LoadAsync<ContractFacts>(m.ContractId, context.CancellationToken);
        await RaiseAsync(context, EventTypes.ContractEndingSoon, m.ContractId, m.RemindedAt, m.ResellerId, [],
            new ContractEndingSoonV1(m.ContractId, m.ResellerId, m.EndDate, m.DaysLeft, facts?.Items, facts?.Monthly, m.RemindedAt));
    }

    public async Task Consume(ConsumeContext<ContractEnded> context)
    {
        var m = context.Message;
        var facts = await session.LoadAsync<ContractFacts>(m.ContractId, context.CancellationToken);
        await RaiseAsync(context, EventTypes.ContractEnded, m.ContractId, m.EndedAt, m.ResellerId, [],
            new ContractEndedV1(m.ContractId, m.ResellerId, m.Reason.ToString(), m.EndDate, m.TerminationFee,
                [.. m.Devices.Select(d => new DeviceV1(d.Sku, d.SerialNumber))], m.SuccessorId, m.CustomerId, facts?.Items, m.EndedAt));
    }

    public async Task Consume(ConsumeContext<DealRejected> context)
    {
        var m = context.Message;
        var facts = await session.LoadAsync<ContractFacts>(m.ContractId, context.CancellationToken);
        await RaiseAsync(context, EventTypes.DealRejected, m.ContractId, m.RejectedAt, facts?.ResellerId, [],
            new DealRejectedV1(m.ContractId, facts?.ResellerId, m.Reason, m.RejectedAt));
    }

    public async Task Consume(ConsumeContext<DealCancelled> context)
    {
        var m = context.Message;
        var facts = await session.LoadAsync<ContractFacts>(m.ContractId, context.CancellationToken);
        await RaiseAsync(context, EventTypes.DealCancelled, m.ContractId, m.CancelledAt, facts?.ResellerId, [],
            new DealCancelledV1(m.ContractId, facts?.ResellerId, m.Reason, m.CancelledAt));
    }

    public async Task Consume(ConsumeContext<SellOutReported> context)
    {
        var m = context.Message;
        var facts = m.ResellerId is null ? await session.LoadAsync<ContractFacts>(m.ContractId, context.CancellationToken) : null;
        var reseller = m.ResellerId ?? facts?.ResellerId;
        var lines = m.Lines?.Select(l => new SellOutLineV1(l.Vendor, l.Sku, l.Description, l.Quantity, l.SerialNumbers)).ToArray() ?? [];
        await RaiseAsync(context, EventTypes.SellOutReported, m.ContractId, m.ReportedAt, reseller, m.Vendors,
            new SellOutReportedV1(m.ContractId, reseller, m.CustomerCountry, m.SaleDate, lines, m.ReportedAt));
    }

    private async Task RaiseAsync<T>(ConsumeContext context, string type, Guid contractId, DateTimeOffset time, Guid? resellerId,
        IReadOnlyList<string> vendors, T payload)
    {
        var ct = context.CancellationToken;
        await queue.EnsureAsync(ct);
        // Unknown reseller (a message from before webhooks knew the contract): kept, and delivered to no partner.
        var resellers = resellerId is { } r ? await KnownAccount.ChainAsync(session, r, ct) : [];
        var source = type == EventTypes.SellOutReported ? "/waas/vendor-reporting" : "/waas/contracting";
        var e = new WebhookEvent(context.MessageId ?? NewId.NextGuid(), type, source, contractId.ToString(), time,
            resellers, vendors, JsonSerializer.Serialize(payload, EventTypes.Json));
        session.Store(e);
        var now = clock.GetUtcNow();
        // Candidates found in the database (owner in the chain, a sub-reseller named at subscription time, or a named
        // vendor); Wants decides on each.
        var chain = resellers.ToArray();
        var direct = resellerId ?? Guid.Empty;
        var named = vendors.ToArray();
        var candidates = await session.Query<Subscription>()
            .Where(s => s.OwnerId.IsOneOf(chain) || s.KnownSubResellers.Contains(direct) || s.VendorName.IsOneOf(named))
            .ToListAsync(ct);
        foreach (var subscription in candidates)
        {
            if (subscription.Wants(e))
            {
                queue.Enqueue(session, subscription.Id, e.Id, e.Time, "event", now);
            }
        }
    }
}
