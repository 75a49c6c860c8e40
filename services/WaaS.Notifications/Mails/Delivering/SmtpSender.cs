using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using WaaS.Notifications.Documents;

namespace WaaS.Notifications.Mails.Delivering;

/// <summary>Hands one mail to the SMTP server with MailKit, its stable Message-ID and its PDFs attached.</summary>
public sealed class SmtpSender(IOptions<SmtpSettings> options, IOptions<DeliveryOptions> delivery)
{
    public async Task SendAsync(Mail mail, IReadOnlyList<IssuedDocument> attachments, CancellationToken ct)
    {
        var settings = options.Value;
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Date = mail.CreatedAt };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add("Content-Language", mail.Language);
        message.Headers.Add("X-WaaS-Notification", mail.Kind.ToString());
        if (mail.Category == MailCategory.Reminder && delivery.Value.PreferencesUrl is { Length: > 0 } preferences)
        {
            // Only reminders: legally required notices and the deal's own mails cannot be unsubscribed from.
            message.Headers.Add("List-Unsubscribe", $"<{preferences}>");
        }
        var body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text };
        foreach (var document in attachments)
        {
            body.Attachments.Add(document.FileName, document.Pdf, new ContentType("application", "pdf"));
        }
        message.Body = body.ToMessageBody();

        using var smtp = new SmtpClient { Timeout = 30_000 };
        await smtp.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
        if (settings.User is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, settings.Password ?? "", ct);
        }
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }
}
