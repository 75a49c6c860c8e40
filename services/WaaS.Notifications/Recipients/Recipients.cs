using Marten;
using Microsoft.Extensions.Configuration;
using WaaS.Contracts;
using WaaS.Documents.Templating;

namespace WaaS.Notifications.Recipients;

/// <summary>Someone a mail goes to, in their language; <see cref="TakesReminders"/> is false once they opted out.</summary>
public sealed record Recipient(string Email, Locale Locale, bool TakesReminders = true);

/// <summary>Who hears about a deal: the customer at its billing address, in its country's language; the reseller at its contact.</summary>
public sealed class Recipients(IQuerySession session, IConfiguration configuration)
{
    /// <summary>Where a reseller's mails go until it names its own address (the distributor's channel desk).</summary>
    public const string ResellerFallbackSetting = "Notifications:ResellerFallbackEmail";

    public static Recipient Customer(Customer customer, string? to = null) => new(to ?? customer.BillingEmail, Locale.ForCountry(customer.Country));

    public async Task<Recipient?> ResellerAsync(Guid resellerId, CancellationToken ct) =>
        await session.LoadAsync<ResellerContact>(resellerId, ct) is { } contact
            ? new Recipient(contact.Email, Locale.Of(contact.Language), contact.Reminders)
            : configuration[ResellerFallbackSetting] is { Length: > 0 } desk ? new Recipient(desk, Locale.English) : null;
}
