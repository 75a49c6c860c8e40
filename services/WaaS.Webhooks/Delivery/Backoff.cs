namespace WaaS.Webhooks.Delivery;

/// <summary>
/// When to try again after <c>attempts</c> failed attempts: 15 s doubling up to 6 h, each with ±20 % jitter (so
/// receivers coming back are not hit by every sender at once), never sooner than the receiver's Retry-After.
/// </summary>
public static class Backoff
{
    public static TimeSpan After(int attempts, TimeSpan? retryAfter, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var seconds = Math.Min(WebhookSettings.FirstRetry.TotalSeconds * Math.Pow(2, exponent), WebhookSettings.LongestRetry.TotalSeconds);
        var jittered = TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * random)));
        if (retryAfter is { } asked && asked > jittered)
        {
            return asked < WebhookSettings.LongestRetryAfter ? asked : WebhookSettings.LongestRetryAfter;
        }
        return jittered;
    }

    /// <summary>Reads Retry-After (delta seconds or an HTTP date) relative to <paramref name="now"/>.</summary>
    public static TimeSpan? RetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };
}
