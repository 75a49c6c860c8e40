using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Accounts.Accounts.Activating;

/// <summary>The distributor activates a pending or suspended account.</summary>
public static class ActivateAccount
{
    public static async Task<Results<Ok<Account>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var subs = await session.SubResellersAsync(id, ct);
        return await http.DecideAsync(id, (Account account) => Decide(account, subs, now), ct);
    }

    public static Decision Decide(Account account, IReadOnlyList<Account> subs, DateTimeOffset now) =>
        AccountRules.NotAlreadyActive(account) is { } refusal
            ? Decision.Refuse(refusal)
            : AccountChanges.Record(account, subs, now, new AccountActivated(account.Id, now));
}
