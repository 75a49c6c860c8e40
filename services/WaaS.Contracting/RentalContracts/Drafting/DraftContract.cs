using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Drafting;

/// <summary>An accepted quote becomes a contract draft with the quote's frozen lines, prices and commission.</summary>
public sealed class DraftContract : IConsumer<QuoteAccepted>
{
    public Task Consume(ConsumeContext<QuoteAccepted> context) =>
        context.DecideAsync<RentalContract>(context.Message.ContractId, existing => Decide(existing, context.Message));

    /// <summary>A second acceptance message for the same contract finds the draft and changes nothing.</summary>
    public static Decision Decide(RentalContract? existing, QuoteAccepted quote) =>
        existing is not null
            ? Decision.Nothing
            : Decision.Append(new ContractDrafted(quote.ContractId, quote.QuoteId, quote.ResellerId, quote.Customer, quote.TermMonths,
                quote.Lines, quote.Monthly, quote.TotalCommission, quote.AcceptedAt, quote.Role));
}
