using MailKit.Security;

namespace WaaS.Notifications.Mails.Delivering;

/// <summary>
/// The mail server (section <see cref="Section"/>). Development defaults to the local smtp4dev that ./run.sh starts
/// (localhost:2525, no TLS); anywhere else Host and From must be configured or the service does not start.
/// </summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "";
}

/// <summary>How hard delivery tries (section <see cref="Section"/>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the queue is looked at.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>After this many failed attempts a mail is Failed and waits for an operator.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The page where a reseller turns reminders off (the marketplace's; PUT /contacts/reseller behind it).</summary>
    public string? PreferencesUrl { get; set; }

    /// <summary>The wait after the n-th failed attempt (the last one repeats): about a day and a half in all.</summary>
    public static TimeSpan Backoff(int attempts) => BackoffSteps[Math.Clamp(attempts - 1, 0, BackoffSteps.Length - 1)];

    private static readonly TimeSpan[] BackoffSteps =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
        TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(12),
    ];
}
