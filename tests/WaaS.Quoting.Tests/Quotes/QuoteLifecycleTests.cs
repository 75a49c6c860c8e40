using FluentAssertions;
using WaaS.Contracts;
using WaaS.Quoting.Accounts;
using WaaS.Quoting.Quotes;
using WaaS.Quoting.Quotes.Accepting;
using WaaS.ServiceDefaults.Writes;
using Xunit;
using QuoteSent = WaaS.Quoting.Quotes.QuoteSent;

namespace WaaS.Quoting.Tests.Quotes;

/// <summary>Given the quote's events, when a command arrives, then these events or this refusal.</summary>
public sealed class QuoteLifecycleTests
{
    private static readonly DateTimeOffset Drafted = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The quote's reseller as quoting knows it: active with its agreement on file.</summary>
    private static Sellers Selling(Quote quote) =>
        new(new KnownAccount(quote.ResellerId, AccountKind.Reseller, "Reseller", null, true, true, true, 1, Drafted), null, null);

    private static Quote Given(params object[] events)
    {
        var id = Guid.NewGuid();
        var lines = new[] { new DealLine("NB-LAT-5450", "Notebook", "Dell", ItemKind.Device, 2, 39.90m, 240m) };
        var quote = Quote.Create(new QuoteDrafted(id, id, 1, null, Guid.NewGuid(), new Customer("Muster GmbH", "DE", null, "ap@muster.example"), 24, 1,
            lines, WaaS.Quoting.Quotes.Pricing.Totals(lines, "DE", 24), new DateOnly(2026, 4, 1), Drafted));
        foreach (var e in events)
        {
            quote = e switch
            {
                QuoteSent sent => quote.Apply(sent),
                QuoteSuperseded superseded => quote.Apply(superseded),
                QuoteDeclined declined => quote.Apply(declined),
                WaaS.Quoting.Quotes.QuoteAccepted accepted => quote.Apply(accepted),
                _ => throw new ArgumentOutOfRangeException(nameof(events)),
            };
        }
        return quote;
    }

    [Fact]
    public void Accepting_a_sent_quote_freezes_its_lines_prices_and_commission_into_QuoteAccepted()
    {
        var quote = Given(new QuoteSent(Guid.Empty, "ap@muster.example", null, Drafted));

        var decision = AcceptQuote.Decide(quote, Selling(quote), Drafted.AddDays(5));

        decision.Refused.Should().BeNull();
        var accepted = decision.Messages.Should().ContainSingle().Which.Should().BeOfType<WaaS.Contracts.QuoteAccepted>().Subject;
        accepted.Lines.Should().Equal(quote.Lines);
        accepted.Monthly.Should().Be(new MonthlyAmount(79.80m, 15.16m, 94.96m));
        accepted.TotalCommission.Should().Be(480m);
        accepted.PriceListVersion.Should().Be(1);
        decision.Events.Should().ContainSingle().Which.Should().BeOfType<WaaS.Quoting.Quotes.QuoteAccepted>().Which.ContractId.Should().Be(accepted.ContractId);
    }

    [Fact]
    public void A_quote_is_valid_through_its_last_day_and_expired_the_day_after()
    {
        var quote = Given(new QuoteSent(Guid.Empty, "ap@muster.example", null, Drafted));

        AcceptQuote.Decide(quote, Selling(quote), new DateTimeOffset(2026, 4, 1, 23, 59, 0, TimeSpan.Zero)).Refused.Should().BeNull();
        var refused = AcceptQuote.Decide(quote, Selling(quote), new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero)).Refused;
        refused.Should().Be(Refusal.Broken("QuoteExpired", refused!.Message, "validUntil"));
        quote.AsSeenAt(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero)).Status.Should().Be(QuoteStatus.Expired);
    }

    [Fact]
    public void A_superseded_quote_cannot_be_accepted()
    {
        var quote = Given(new QuoteSent(Guid.Empty, "ap@muster.example", null, Drafted), new QuoteSuperseded(Guid.Empty, Guid.NewGuid(), Drafted));

        var refused = AcceptQuote.Decide(quote, Selling(quote), Drafted).Refused;

        refused!.Rule.Should().Be("SupersededQuoteCannotChange");
        refused.Kind.Should().Be(RefusalKind.Conflict);
    }

    [Fact]
    public void A_declined_quote_cannot_be_accepted_or_revised()
    {
        var quote = Given(new QuoteDeclined(Guid.Empty, "too expensive", Drafted));

        AcceptQuote.Decide(quote, Selling(quote), Drafted).Refused!.Rule.Should().Be("OnlyOpenQuoteCanChange");
        QuoteRules.CanRevise(quote)!.Rule.Should().Be("OnlyOpenQuoteCanChange");
    }
}
