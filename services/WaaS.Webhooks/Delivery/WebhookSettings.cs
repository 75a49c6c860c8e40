using Microsoft.Extensions.Hosting;

namespace WaaS.Webhooks.Delivery;

/// <summary>
/// The delivery policy, from configuration (<c>Webhooks__*</c> environment variables). <see cref="RequireHttps"/>
/// defaults to on and <see cref="AllowPrivateTargets"/> to off outside Development; in Development (and the tests,
/// which run as Development) receivers on loopback are allowed.
/// </summary>
public sealed record WebhookSettings(
    bool RequireHttps,
    bool AllowPrivateTargets,
    TimeSpan Timeout,
    int MaxConcurrency,
    TimeSpan DisableAfter,
    int ResponseExcerptBytes,
    TimeSpan Poll)
{
    public static WebhookSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        bool Flag(string key, bool fallback) => bool.TryParse(configuration[$"Webhooks:{key}"], out var v) ? v : fallback;
        double Number(string key, double fallback) => double.TryParse(configuration[$"Webhooks:{key}"], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;
        return new WebhookSettings(
            Flag(nameof(RequireHttps), !development),
            Flag(nameof(AllowPrivateTargets), development),
            TimeSpan.FromSeconds(Number("TimeoutSeconds", 10)),
            (int)Number(nameof(MaxConcurrency), 32),
            TimeSpan.FromHours(Number("DisableAfterHours", 72)),
            (int)Number(nameof(ResponseExcerptBytes), 1024),
            TimeSpan.FromMilliseconds(Number("PollMilliseconds", 200)));
    }

    /// <summary>The published retry policy (the catalogue states it).</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(6);

    /// <summary>A Retry-After longer than this is cut to it.</summary>
    public static readonly TimeSpan LongestRetryAfter = TimeSpan.FromHours(24);
}
