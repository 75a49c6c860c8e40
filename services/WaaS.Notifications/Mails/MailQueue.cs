using Marten;
using WaaS.Notifications.Documents;
using WaaS.Notifications.Recipients;

namespace WaaS.Notifications.Mails;

/// <summary>What causes a mail and what it belongs to.</summary>
public sealed record MailCause(string Key, Guid ResellerId, Guid? ContractId = null, Guid? QuoteId = null);

/// <summary>
/// Queues a mail in the session of the message being handled (committed with its inbox marker). The id comes from the
/// cause's business key (say ContractActivated of contract X), so the event redelivered or published twice still makes one mail.
/// </summary>
public sealed class MailQueue(IDocumentSession session, TimeProvider clock, ILogger<MailQueue> logger)
{
    public async Task QueueAsync(
        MailKind kind, MailCategory category, MailCause cause, Recipient? to, Func<Recipient, MailContent> render,
        IReadOnlyList<IssuedDocument> attachments, CancellationToken ct)
    {
        var id = StableId.Of($"mail:{kind}:{cause.Key}");
        if (await session.LoadAsync<Mail>(id, ct) is not null)
        {
            return;
        }
        if (category == MailCategory.Reminder && to is { TakesReminders: false })
        {
            logger.LogInformation("{Kind} for {Cause} not sent: {To} opted out of reminders", kind, cause.Key, to.Email);
            return;
        }
        var now = clock.GetUtcNow();
        var content = to is null ? new MailContent(kind.ToString(), "", "") : render(to);
        session.Insert(new Mail
        {
            Id = id,
            MessageId = $"{id:N}@notifications.waas",
            Kind = kind,
            Category = category,
            CausedBy = cause.Key,
            ResellerId = cause.ResellerId,
            ContractId = cause.ContractId,
            QuoteId = cause.QuoteId,
            To = to?.Email ?? "",
            Language = to?.Locale.Code ?? "en",
            Subject = content.Subject,
            Html = content.Html,
            Text = content.Text,
            Attachments = [.. attachments.Select(a => a.Id)],
            // No address at all is for operations to settle (the reseller names one, then they resend).
            Status = to is null ? MailStatus.Failed : MailStatus.Pending,
            LastError = to is null ? $"No recipient: the reseller named no contact address and {Recipients.Recipients.ResellerFallbackSetting} is not set." : null,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }
}
