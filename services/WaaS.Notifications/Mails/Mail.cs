namespace WaaS.Notifications.Mails;

/// <summary>What a mail is about; one template each (<see cref="MailTemplates"/>).</summary>
public enum MailKind
{
    QuoteSent,
    ContractReadyToSign,
    DealApproved,
    DealRejected,
    ShipmentDispatched,
    ContractActivated,
    ContractEndingSoon,
    CommissionPayable,
    ReturnDue,
}

/// <summary>
/// Legal notices (contract, mandate, return duties) can never be turned off; service mails follow the deal; reminders
/// are the only ones a recipient may opt out of, and carry a List-Unsubscribe header.
/// </summary>
public enum MailCategory
{
    Legal,
    Service,
    Reminder,
}

public enum MailStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One mail in the delivery queue, committed in the same transaction as the handling of the event that caused it.
/// Its id and Message-ID derive from that event (<see cref="Documents.StableId"/>), so one event never makes two mails,
/// and a retry after an uncertain send carries the same Message-ID for the receiving side to recognise.
/// </summary>
public sealed class Mail
{
    public Guid Id { get; set; }
    public string MessageId { get; set; } = "";
    public MailKind Kind { get; set; }
    public MailCategory Category { get; set; }
    public string CausedBy { get; set; } = "";
    public Guid ResellerId { get; set; }
    public Guid? ContractId { get; set; }
    public Guid? QuoteId { get; set; }
    public string To { get; set; } = "";
    public string Language { get; set; } = "en";
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
    public List<Guid> Attachments { get; set; } = [];
    public MailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The mail this one sends again (an operator's resend of a mail that had gone out).</summary>
    public Guid? ResendOf { get; set; }
}

/// <summary>A mail as operations see it (without its body).</summary>
public sealed record MailInfo(
    Guid Id, string MessageId, MailKind Kind, MailCategory Category, string CausedBy, Guid? ContractId, Guid? QuoteId, string To, string Subject,
    IReadOnlyList<Guid> Attachments, MailStatus Status, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt, Guid? ResendOf)
{
    public static MailInfo Of(Mail m) => new(m.Id, m.MessageId, m.Kind, m.Category, m.CausedBy, m.ContractId, m.QuoteId, m.To, m.Subject,
        m.Attachments, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt, m.ResendOf);
}
