using Marten;
using MassTransit;
using WaaS.Contract.Contracts;
using WaaS.Contracts;

namespace WaaS.Contract.Drafting;

/// <summary>An accepted quote becomes a contract draft with the quote's frozen lines, prices and commission.</summary>
public sealed class QuoteAcceptedConsumer(IDocumentSession session) : IConsumer<QuoteAccepted>
{
    public Task Consume(ConsumeContext<QuoteAccepted> context)
    {
        var quote = context.Message;
        session.Events.StartStream<RentalContract>(quote.ContractId, new ContractDrafted(
            quote.ContractId, quote.QuoteId, quote.ResellerId, quote.Customer, quote.TermMonths, quote.Lines,
            quote.Monthly, quote.TotalCommission, quote.AcceptedAt));
        return Task.CompletedTask;
    }
}
