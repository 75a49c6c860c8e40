namespace WaaS.Contracts;

/// <summary>What kind of party an account (a tenant) is. DOMAIN.md's hierarchy: distributor → reseller →
/// sub-reseller (a reseller with a parent) → end customer; vendors stand beside it.</summary>
public enum AccountKind
{
    Distributor,
    Reseller,
    Customer,
    Vendor,
}

/// <summary>
/// The state of an account after a change, published by the Accounts service on every change (event-carried state
/// transfer): other services keep a local copy and ignore a snapshot older than the one they hold
/// (<see cref="Version"/>). <see cref="ParentId"/> is a sub-reseller's parent reseller or a customer's reseller.
/// <see cref="MaySell"/> is DOMAIN.md step 1: active, and (for a reseller) its reseller agreement on file — for a
/// sub-reseller, its parent's too.
/// </summary>
public sealed record AccountChanged(
    Guid AccountId,
    AccountKind Kind,
    string Name,
    Guid? ParentId,
    bool Active,
    bool AgreementOnFile,
    bool MaySell,
    long Version,
    DateTimeOffset ChangedAt,
    string? VendorName = null);

/// <summary>Whether the reseller sells the deal or only refers the customer, who wants a direct relationship
/// (DOMAIN.md, Partners). The Quoting README says what changes for a referral.</summary>
public enum SalesRole
{
    Reseller,
    Referrer,
}
