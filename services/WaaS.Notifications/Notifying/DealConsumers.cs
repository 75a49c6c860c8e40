using Marten;
using MassTransit;
using WaaS.Contracts;
using WaaS.Documents;
using WaaS.Notifications.Deals;
using WaaS.Notifications.Documents;
using WaaS.Notifications.Mails;
using WaaS.ServiceDefaults.Writes;
using Customers = WaaS.Notifications.Recipients.Recipients;

namespace WaaS.Notifications.Notifying;

/// <summary>The quote goes to the address the reseller sent it to, as PDF, in the customer's language.</summary>
public sealed class QuoteSentConsumer(DocumentIssuer documents, MailQueue mails, LegalDetails distributor) : IConsumer<QuoteSent>
{
    public async Task Consume(ConsumeContext<QuoteSent> context)
    {
        var q = context.Message;
        var model = new WaaS.Documents.Quotes.QuoteModel(q.Reference, q.Revision, q.IssuedAt, q.ValidUntil, q.Customer, q.TermMonths,
            [.. q.Lines.Select(l => l with { Commission = 0 })], q.Monthly, q.VatRate, q.TotalContractValue, q.TotalContractValueGross);
        var pdf = await documents.QuoteAsync(q.QuoteId, q.ResellerId, model, context.CancellationToken);
        await mails.QueueAsync(MailKind.QuoteSent, MailCategory.Service, new MailCause($"{q.QuoteId}:{q.SentAt.UtcTicks}:{q.To}", q.ResellerId, QuoteId: q.QuoteId),
            Customers.Customer(q.Customer, q.To), r => Notices.QuoteSent(r.Locale, distributor, q), [pdf], context.CancellationToken);
    }
}

/// <summary>The contract is drafted from the accepted quote: the customer gets it to sign (a legal notice).</summary>
public sealed class QuoteAcceptedConsumer(IDocumentSession session, DocumentIssuer documents, MailQueue mails, LegalDetails distributor)
    : IConsumer<QuoteAccepted>
{
    public async Task Consume(ConsumeContext<QuoteAccepted> context)
    {
        var a = context.Message;
        var deal = await session.LoadAsync<Deal>(a.ContractId, context.CancellationToken)
                   ?? new Deal(a.ContractId, a.ResellerId, a.Customer, a.TermMonths, a.Lines, a.Monthly, a.AcceptedAt);
        session.Store(deal);
        var pdf = await documents.ContractAsync(deal with { SignedAt = null }, context.CancellationToken);
        await mails.QueueAsync(MailKind.ContractReadyToSign, MailCategory.Legal, new MailCause($"{a.ContractId}", a.ResellerId, a.ContractId),
            Customers.Customer(a.Customer), r => Notices.ReadyToSign(r.Locale, distributor, deal), [pdf], context.CancellationToken);
    }
}

/// <summary>Both signed: the signed contract is issued once, and from then on attached as exactly those bytes.</summary>
public sealed class ContractSignedConsumer(IDocumentSession session, DocumentIssuer documents) : IConsumer<ContractSigned>
{
    public async Task Consume(ConsumeContext<ContractSigned> context)
    {
        var (s, ct) = (context.Message, context.CancellationToken);
        var known = await session.LoadAsync<Deal>(s.ContractId, ct);
        var deal = (known ?? new Deal(s.ContractId, s.ResellerId, s.Customer, s.TermMonths, s.Lines, s.Monthly, s.SignedAt)) with { SignedAt = s.SignedAt };
        session.Store(deal);
        await documents.ContractAsync(deal, ct);
    }
}

/// <summary>The reseller hears that its deal came about, with the signed contract.</summary>
public sealed class CreditApprovedConsumer(IDocumentSession session, DocumentIssuer documents, MailQueue mails, Customers recipients, LegalDetails distributor)
    : IConsumer<CreditApproved>
{
    public async Task Consume(ConsumeContext<CreditApproved> context)
    {
        var deal = await Deals.SignedAsync(session, context.Message.ContractId, context.CancellationToken);
        var pdf = await documents.ContractAsync(deal, context.CancellationToken);
        await mails.QueueAsync(MailKind.DealApproved, MailCategory.Service, new MailCause($"{deal.Id}", deal.ResellerId, deal.Id),
            await recipients.ResellerAsync(deal.ResellerId, context.CancellationToken), r => Notices.DealApproved(r.Locale, distributor, deal), [pdf],
            context.CancellationToken);
    }
}

public sealed class DealRejectedConsumer(IDocumentSession session, MailQueue mails, Customers recipients, LegalDetails distributor) : IConsumer<DealRejected>
{
    public async Task Consume(ConsumeContext<DealRejected> context)
    {
        var deal = await Deals.KnownAsync(session, context.Message.ContractId, context.CancellationToken);
        await mails.QueueAsync(MailKind.DealRejected, MailCategory.Service, new MailCause($"{deal.Id}", deal.ResellerId, deal.Id),
            await recipients.ResellerAsync(deal.ResellerId, context.CancellationToken),
            r => Notices.DealRejected(r.Locale, distributor, deal, context.Message.Reason), [], context.CancellationToken);
    }
}

public sealed class ShipmentDispatchedConsumer(IDocumentSession session, MailQueue mails, LegalDetails distributor) : IConsumer<ShipmentDispatched>
{
    public async Task Consume(ConsumeContext<ShipmentDispatched> context)
    {
        var s = context.Message;
        var deal = await Deals.KnownAsync(session, s.ContractId, context.CancellationToken);
        await mails.QueueAsync(MailKind.ShipmentDispatched, MailCategory.Service, new MailCause($"{s.ShipmentId}", deal.ResellerId, deal.Id),
            Customers.Customer(deal.Customer), r => Notices.Dispatched(r.Locale, distributor, deal, s), [], context.CancellationToken);
    }
}

/// <summary>The contract runs: the customer gets its dates and the signed contract (a legal notice).</summary>
public sealed class ContractActivatedConsumer(IDocumentSession session, DocumentIssuer documents, MailQueue mails, LegalDetails distributor)
    : IConsumer<ContractActivated>
{
    public async Task Consume(ConsumeContext<ContractActivated> context)
    {
        var a = context.Message;
        var deal = await Deals.SignedAsync(session, a.ContractId, context.CancellationToken) with { StartDate = a.StartDate, EndDate = a.EndDate };
        session.Store(deal);
        var pdf = await documents.ContractAsync(deal, context.CancellationToken);
        await mails.QueueAsync(MailKind.ContractActivated, MailCategory.Legal, new MailCause($"{a.ContractId}", a.ResellerId, a.ContractId),
            Customers.Customer(a.Customer), r => Notices.Activated(r.Locale, distributor, a), [pdf], context.CancellationToken);
    }
}

/// <summary>A reminder to the reseller, with a link to offer a successor; the one kind of mail a reseller may turn off.</summary>
public sealed class ContractEndingSoonConsumer(
    IDocumentSession session, MailQueue mails, Customers recipients, LegalDetails distributor, IConfiguration configuration) : IConsumer<ContractEndingSoon>
{
    public const string SuccessorLinkSetting = "Notifications:SuccessorOfferUrl";

    public async Task Consume(ConsumeContext<ContractEndingSoon> context)
    {
        var e = context.Message;
        var deal = await Deals.KnownAsync(session, e.ContractId, context.CancellationToken);
        var link = $"{configuration[SuccessorLinkSetting] ?? "/api/quoting/quotes"}?successorOf={e.ContractId}";
        await mails.QueueAsync(MailKind.ContractEndingSoon, MailCategory.Reminder, new MailCause($"{e.ContractId}:{e.EndDate:yyyy-MM-dd}", e.ResellerId, e.ContractId),
            await recipients.ResellerAsync(e.ResellerId, context.CancellationToken), r => Notices.EndingSoon(r.Locale, distributor, deal, e, link), [],
            context.CancellationToken);
    }
}

public sealed class CommissionPayableConsumer(IDocumentSession session, MailQueue mails, Customers recipients, LegalDetails distributor)
    : IConsumer<CommissionPayable>
{
    public async Task Consume(ConsumeContext<CommissionPayable> context)
    {
        var c = context.Message;
        var deal = await Deals.KnownAsync(session, c.ContractId, context.CancellationToken);
        await mails.QueueAsync(MailKind.CommissionPayable, MailCategory.Service, new MailCause($"{c.ContractId}:{c.PayableAt.UtcTicks}", c.ResellerId, c.ContractId),
            await recipients.ResellerAsync(c.ResellerId, context.CancellationToken), r => Notices.CommissionPayable(r.Locale, distributor, deal, c), [],
            context.CancellationToken);
    }
}

/// <summary>The customer's return duty (a legal notice).</summary>
public sealed class ReturnCaseOpenedConsumer(IDocumentSession session, MailQueue mails, LegalDetails distributor) : IConsumer<ReturnCaseOpened>
{
    public async Task Consume(ConsumeContext<ReturnCaseOpened> context)
    {
        var r = context.Message;
        var deal = await Deals.KnownAsync(session, r.ContractId, context.CancellationToken);
        await mails.QueueAsync(MailKind.ReturnDue, MailCategory.Legal, new MailCause($"{r.ReturnCaseId}", deal.ResellerId, deal.Id),
            Customers.Customer(deal.Customer), to => Notices.ReturnDue(to.Locale, distributor, deal, r), [], context.CancellationToken);
    }
}

/// <summary>A message about a deal this service has not heard of yet waits (redelivery) for the deal's first message.</summary>
internal static class Deals
{
    public static async Task<Deal> KnownAsync(IQuerySession session, Guid contractId, CancellationToken ct) =>
        await session.LoadAsync<Deal>(contractId, ct) ?? throw new MessageArrivedEarlyException($"Deal {contractId} is not known here yet.");

    public static async Task<Deal> SignedAsync(IQuerySession session, Guid contractId, CancellationToken ct) =>
        await KnownAsync(session, contractId, ct) is { SignedAt: not null } deal
            ? deal
            : throw new MessageArrivedEarlyException($"Deal {contractId} is not signed here yet.");
}

public static class Config
{
    public static IBusRegistrationConfigurator AddNotifying(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<QuoteSentConsumer>();
        bus.AddConsumer<QuoteAcceptedConsumer>();
        bus.AddConsumer<ContractSignedConsumer>();
        bus.AddConsumer<CreditApprovedConsumer>();
        bus.AddConsumer<DealRejectedConsumer>();
        bus.AddConsumer<ShipmentDispatchedConsumer>();
        bus.AddConsumer<ContractActivatedConsumer>();
        bus.AddConsumer<ContractEndingSoonConsumer>();
        bus.AddConsumer<CommissionPayableConsumer>();
        bus.AddConsumer<ReturnCaseOpenedConsumer>();
        return bus;
    }
}
