using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Accounts.Accounts.Suspending;

public sealed record SuspendAccountRequest(string? Reason);

/// <summary>The distributor suspends an active account, saying why. A suspended reseller may not sell, nor may its
/// sub-resellers (they sell through it).</summary>
public static class SuspendAccount
{
    public static async Task<Results<Ok<Account>, ProblemHttpResult>> Handle(
        Guid id, SuspendAccountRequest request, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validation().Required(request.Reason, "reason");
        if (!v.IsValid)
        {
            return Problems.Invalid(v.Errors);
        }
        var now = clock.GetUtcNow();
        var subs = await session.SubResellersAsync(id, ct);
        return await http.DecideAsync(id, (Account account) => Decide(account, subs, request.Reason!.Trim(), now), ct);
    }

    public static Decision Decide(Account account, IReadOnlyList<Account> subs, string reason, DateTimeOffset now) =>
        (AccountRules.DistributorIsNeverSuspended(account) ?? AccountRules.OnlyActiveCanBeSuspended(account)) is { } refusal
            ? Decision.Refuse(refusal)
            : AccountChanges.Record(account, subs, now, new AccountSuspended(account.Id, reason, now));
}
