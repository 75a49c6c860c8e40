using WaaS.Documents;
using WaaS.Documents.Templating;

namespace WaaS.Notifications.Mails;

/// <summary>A rendered mail: subject, HTML and plain text (the same words).</summary>
public sealed record MailContent(string Subject, string Html, string Text);

/// <summary>
/// The words of each mail, in the recipient's language, from the same templating as the documents. Every mail ends with
/// the distributor's legal details (business letters by e-mail need them too).
/// </summary>
public static class MailTemplates
{
    public static MailContent Render(Locale l, LegalDetails d, string subject, IReadOnlyList<string> paragraphs, string? optOut = null)
    {
        var footer = $"{d.CompanyName} · {d.Street}, {d.PostalCode} {d.City} · {d.RegisterCourt} {d.RegisterNumber} · " +
                     $"{l.Pick("Managing directors", "Geschäftsführung", "Directie")}: {d.ManagingDirectors} · {l.Pick("VAT id", "USt-IdNr.", "Btw-id")} {d.VatId}";
        var html = Html.Of($"""
            <!DOCTYPE html><html lang="{l.Code}"><head><meta charset="utf-8"><title>{subject}</title></head>
            <body style="font-family:sans-serif;font-size:11pt;color:#222">
            {Html.Join(paragraphs, p => Html.Of($"<p>{p}</p>"))}
            {Html.If(optOut is not null, () => Html.Of($"<p style=\"font-size:9pt;color:#555\">{optOut}</p>"))}
            <hr><p style="font-size:8pt;color:#555">{footer}</p></body></html>
            """);
        var text = string.Join("\n\n", paragraphs.Append(optOut ?? "").Where(p => p.Length > 0)) + "\n\n--\n" + footer + "\n";
        return new MailContent(subject, html.Value, text);
    }

    public static string Greeting(Locale l, string? name) => name is { Length: > 0 }
        ? l.Pick($"Dear {name},", $"Guten Tag {name},", $"Beste {name},")
        : l.Pick("Dear Sir or Madam,", "Sehr geehrte Damen und Herren,", "Geachte heer, mevrouw,");

    public static string Closing(Locale l, LegalDetails d) => l.Pick("Kind regards, ", "Mit freundlichen Grüßen, ", "Met vriendelijke groet, ") + d.CompanyName;
}
