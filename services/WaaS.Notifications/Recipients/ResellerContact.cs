using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.Documents.Templating;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Notifications.Recipients;

/// <summary>
/// Where a reseller wants its notifications, in which language, and whether it takes reminders (the only mails one may
/// opt out of: contracts ending soon). Kept here, set by the reseller's staff; until set, mails go to the configured
/// channel desk (<see cref="Recipients.ResellerFallbackSetting"/>).
/// </summary>
public sealed record ResellerContact(Guid Id, string Email, Language Language, bool Reminders, DateTimeOffset ChangedAt)
{
    public Guid ResellerId => Id;
}

public sealed record ResellerContactRequest(string? Email, string? Language, bool? Reminders);

public static class ResellerContacts
{
    public static async Task<Results<Ok<ResellerContact>, ProblemHttpResult>> Get(Caller caller, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<ResellerContact>(caller.TenantId, ct) is { } contact ? TypedResults.Ok(contact) : Problems.NotFound("ResellerContact", caller.TenantId);

    /// <summary>The caller's own reseller only: the contact is keyed by the caller's tenant, so no other can be named.</summary>
    public static async Task<Results<Ok<ResellerContact>, ProblemHttpResult>> Put(
        ResellerContactRequest request, Caller caller, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var language = request.Language?.Trim().ToLowerInvariant();
        var v = new Validation()
            .Required(request.Email, "email")
            .Require(request.Email is null || (request.Email.Contains('@', StringComparison.Ordinal) && request.Email.Length <= 254),
                "email", "EmailAddress", "'email' must be an e-mail address.")
            .Require(language is null or "en" or "de" or "nl", "language", "SupportedLanguage", "'language' is one of en, de, nl.");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        var contact = new ResellerContact(caller.TenantId, request.Email!.Trim(), Enum.Parse<Language>(language ?? "en", ignoreCase: true),
            request.Reminders ?? true, clock.GetUtcNow());
        session.Store(contact);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(contact);
    }
}

public static class Config
{
    public static StoreOptions AddResellerContacts(this StoreOptions options) => options;

    public static IEndpointRouteBuilder MapResellerContacts(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/contacts").WithTags("Reseller contact").For(Party.ResellerStaff);
        contacts.MapGet("/reseller", ResellerContacts.Get);
        contacts.MapPut("/reseller", ResellerContacts.Put);
        return app;
    }
}
