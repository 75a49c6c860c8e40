using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Notifications.Documents;
using WaaS.Notifications.Recipients;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Notifications.Mails.Resending;

/// <summary>
/// An operator sends a notification again. A failed or pending mail is tried again now, from the first attempt (the
/// same mail, so the same Message-ID: it never arrived). A mail that went out is copied into a new one with its own
/// Message-ID (the customer lost it; the server must not take it for a duplicate). A mail without a recipient looks
/// for the reseller's address again.
/// </summary>
public static class ResendMail
{
    public static async Task<Results<Ok<MailInfo>, ProblemHttpResult>> Handle(
        Guid id, IDocumentSession session, Recipients.Recipients recipients, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<Mail>(id, ct) is not { } mail)
        {
            return Problems.NotFound("Mail", id);
        }
        var now = clock.GetUtcNow();
        if (mail.To.Length == 0)
        {
            if (await recipients.ResellerAsync(mail.ResellerId, ct) is not { } found)
            {
                return Problems.Conflict("RecipientUnknown", "The reseller has named no contact address (PUT /contacts/reseller) and no fallback is configured.", "to");
            }
            mail.To = found.Email;
            return await RetryAsync(session, mail, now, ct);
        }
        if (mail.Status != MailStatus.Sent)
        {
            return await RetryAsync(session, mail, now, ct);
        }
        var resends = await session.Query<Mail>().CountAsync(m => m.ResendOf == mail.Id, ct);
        var copyId = StableId.Of($"resend:{mail.Id}:{resends + 1}");
        var copy = new Mail
        {
            Id = copyId, MessageId = $"{copyId:N}@notifications.waas", Kind = mail.Kind, Category = mail.Category, CausedBy = mail.CausedBy,
            ResellerId = mail.ResellerId, ContractId = mail.ContractId, QuoteId = mail.QuoteId, To = mail.To, Language = mail.Language,
            Subject = mail.Subject, Html = mail.Html, Text = mail.Text, Attachments = [.. mail.Attachments], Status = MailStatus.Pending,
            NextAttemptAt = now, CreatedAt = now, ResendOf = mail.Id,
        };
        session.Insert(copy);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(MailInfo.Of(copy));
    }

    private static async Task<Results<Ok<MailInfo>, ProblemHttpResult>> RetryAsync(IDocumentSession session, Mail mail, DateTimeOffset now, CancellationToken ct)
    {
        mail.Status = MailStatus.Pending;
        mail.Attempts = 0;
        mail.NextAttemptAt = now;
        session.Store(mail);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(MailInfo.Of(mail));
    }
}
