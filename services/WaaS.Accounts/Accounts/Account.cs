using WaaS.Contracts;

namespace WaaS.Accounts.Accounts;

public enum AccountStatus
{
    /// <summary>Opened, not yet activated by the distributor (resellers and sub-resellers start here).</summary>
    Pending,
    Active,
    Suspended,
}

public sealed record ResellerAgreement(DateOnly SignedOn, string DocumentReference, DateTimeOffset FiledAt);

/// <summary>
/// One account of the hierarchy (distributor → reseller → sub-reseller → end customer; vendors beside), folded from
/// its stream. <see cref="ResellerId"/> and <see cref="CustomerId"/> are what tenancy scopes by
/// (<c>Scoping.VisibleTo</c>): the reseller that owns the account (itself for a reseller, its reseller for a customer)
/// and, for a customer, its own id.
/// </summary>
public sealed record Account(
    Guid Id,
    AccountKind Kind,
    string Name,
    Guid? ParentId,
    string? VendorName,
    AccountStatus Status,
    ResellerAgreement? Agreement,
    bool ParentMaySell,
    DateTimeOffset OpenedAt,
    DateTimeOffset ChangedAt,
    string? SuspensionReason)
{
    public long Version { get; init; }

    /// <summary>The reseller whose business this account is (tenancy): a reseller's own id, a customer's reseller.</summary>
    public Guid ResellerId => Kind == AccountKind.Customer && ParentId is { } reseller ? reseller : Id;

    /// <summary>A customer's own id (tenancy for customer callers); null for the other kinds.</summary>
    public Guid? CustomerId => Kind == AccountKind.Customer ? Id : null;

    public bool IsSubReseller => Kind == AccountKind.Reseller && ParentId is not null;

    public bool Active => Status == AccountStatus.Active;

    public bool AgreementOnFile => Agreement is not null;

    /// <summary>DOMAIN.md step 1: an active reseller with its agreement on file may sell; a sub-reseller sells through its
    /// parent's account, so the parent must may-sell too. Other kinds never sell.</summary>
    public bool MaySell => Kind == AccountKind.Reseller && Active && AgreementOnFile && (!IsSubReseller || ParentMaySell);

    public static Account Create(AccountOpened e) =>
        new(e.AccountId, e.Kind, e.Name, e.ParentId, e.VendorName, e.Active ? AccountStatus.Active : AccountStatus.Pending, null,
            e.ParentMaySell, e.OpenedAt, e.OpenedAt, null);

    public Account Apply(ResellerAgreementFiled e) => this with { Agreement = new(e.SignedOn, e.DocumentReference, e.FiledAt), ChangedAt = e.FiledAt };

    public Account Apply(AccountActivated e) => this with { Status = AccountStatus.Active, SuspensionReason = null, ChangedAt = e.ActivatedAt };

    public Account Apply(AccountSuspended e) => this with { Status = AccountStatus.Suspended, SuspensionReason = e.Reason, ChangedAt = e.SuspendedAt };

    public Account Apply(ParentSellingChanged e) => this with { ParentMaySell = e.ParentMaySell, ChangedAt = e.ChangedAt };

    /// <summary>Annotations are read from their own documents; the account only counts the version.</summary>
    public Account Apply(AnnotationAttached e) => this;

    /// <summary>The account after <paramref name="events"/> (pure: what a decision leads to, for the message it publishes).</summary>
    public Account After(IEnumerable<object> events) => events.Aggregate(this, (account, e) => (e switch
    {
        ResellerAgreementFiled x => account.Apply(x),
        AccountActivated x => account.Apply(x),
        AccountSuspended x => account.Apply(x),
        ParentSellingChanged x => account.Apply(x),
        AnnotationAttached x => account.Apply(x),
        _ => throw new InvalidOperationException($"{e.GetType().Name} does not change an existing account."),
    }) with { Version = account.Version + 1 });

    /// <summary>The state every other service keeps a copy of (event-carried state transfer).</summary>
    public AccountChanged ToMessage() =>
        new(Id, Kind, Name, ParentId, Active, AgreementOnFile, MaySell, Version, ChangedAt, VendorName);
}
