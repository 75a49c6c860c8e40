using WaaS.ServiceDefaults.Writes;

namespace WaaS.Quoting.Quotes;

/// <summary>The lifecycle rules: draft → sent → accepted / declined / expired; a revision supersedes the version it revises.</summary>
public static class QuoteRules
{
    public static Refusal? SupersededQuoteCannotChange(Quote quote) => quote.Status == QuoteStatus.Superseded
        ? Refusal.Conflict("SupersededQuoteCannotChange",
            $"Version {quote.Revision} was superseded by quote {quote.SupersededBy}; use the latest version.", "status")
        : null;

    public static Refusal? OnlyOpenQuoteCanChange(Quote quote) => quote.IsOpen ? null
        : Refusal.Conflict("OnlyOpenQuoteCanChange", $"The quote is already {quote.Status}.", "status");

    public static Refusal? ExpiredQuoteCannotBeAccepted(Quote quote, DateTimeOffset now) => quote.IsExpiredAt(now)
        ? Refusal.Broken("QuoteExpired",
            $"The quote was valid until {quote.ValidUntil:yyyy-MM-dd}; ask the reseller for a revised quote.", "validUntil")
        : null;

    public static Refusal? CanSend(Quote quote, DateTimeOffset now) =>
        SupersededQuoteCannotChange(quote) ?? OnlyOpenQuoteCanChange(quote) ?? ExpiredQuoteCannotBeAccepted(quote, now);

    /// <summary>
    /// A draft may be accepted directly (a marketplace checkout where the customer configures and orders at once);
    /// acceptance then records no separate sending.
    /// </summary>
    public static Refusal? CanAccept(Quote quote, DateTimeOffset now) =>
        SupersededQuoteCannotChange(quote) ?? OnlyOpenQuoteCanChange(quote) ?? ExpiredQuoteCannotBeAccepted(quote, now);

    public static Refusal? CanDecline(Quote quote) => SupersededQuoteCannotChange(quote) ?? OnlyOpenQuoteCanChange(quote);

    /// <summary>An expired quote may be revised: the revision is a fresh offer at today's prices.</summary>
    public static Refusal? CanRevise(Quote quote) => SupersededQuoteCannotChange(quote) ?? OnlyOpenQuoteCanChange(quote);
}
