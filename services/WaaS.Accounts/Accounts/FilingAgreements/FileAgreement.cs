using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Accounts.Accounts.FilingAgreements;

public sealed record FileAgreementRequest(DateOnly? SignedOn, string? DocumentReference);

/// <summary>The distributor files a reseller's signed reseller agreement (date signed, where the document is). Filing
/// again replaces the reference (a renewed agreement).</summary>
public static class FileAgreement
{
    public static async Task<Results<Ok<Account>, ProblemHttpResult>> Handle(
        Guid id, FileAgreementRequest request, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation()
            .Require(request.SignedOn is not null, "signedOn", "Required", "'signedOn' (the date the agreement was signed) is required.")
            .Required(request.DocumentReference, "documentReference")
            .Require(request.DocumentReference is null || request.DocumentReference.Trim().Length <= 500, "documentReference", "MaxLength500",
                "'documentReference' is at most 500 characters.");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        var now = clock.GetUtcNow();
        var subs = await session.SubResellersAsync(id, ct);
        return await http.DecideAsync(id, (Account account) =>
            Decide(account, subs, request.SignedOn!.Value, request.DocumentReference!.Trim(), now), ct);
    }

    public static Decision Decide(Account account, IReadOnlyList<Account> subs, DateOnly signedOn, string reference, DateTimeOffset now) =>
        (AccountRules.AgreementIsForResellers(account)
         ?? AccountRules.AgreementSignedNotInFuture(signedOn, DateOnly.FromDateTime(now.UtcDateTime))) is { } refusal
            ? Decision.Refuse(refusal)
            : AccountChanges.Record(account, subs, now, new ResellerAgreementFiled(account.Id, signedOn, reference, now));
}
