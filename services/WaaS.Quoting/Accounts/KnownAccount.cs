using WaaS.Contracts;

namespace WaaS.Quoting.Accounts;

/// <summary>
/// Quoting's local copy of an account, kept from <see cref="AccountChanged"/> (event-carried state transfer): enough to
/// decide whether a reseller may quote and whether a customer account belongs to it, without asking the Accounts
/// service on every request. A snapshot older than the one held is ignored (<see cref="Version"/>).
/// </summary>
public sealed record KnownAccount(
    Guid Id,
    AccountKind Kind,
    string Name,
    Guid? ParentId,
    bool Active,
    bool AgreementOnFile,
    bool MaySell,
    long Version,
    DateTimeOffset ChangedAt)
{
    public static KnownAccount From(AccountChanged e) =>
        new(e.AccountId, e.Kind, e.Name, e.ParentId, e.Active, e.AgreementOnFile, e.MaySell, e.Version, e.ChangedAt);
}
