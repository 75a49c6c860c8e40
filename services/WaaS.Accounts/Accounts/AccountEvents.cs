using WaaS.ServiceDefaults.Annotations;
using WaaS.Contracts;

namespace WaaS.Accounts.Accounts;

/// <summary>An account is opened: a reseller or sub-reseller (pending until activated), an end customer of a reseller,
/// a vendor (active at once), or the distributor itself (seeded once). <see cref="ParentMaySell"/> is a sub-reseller's
/// parent's selling state when it was opened.</summary>
public sealed record AccountOpened(
    Guid AccountId, AccountKind Kind, string Name, Guid? ParentId, string? VendorName, bool Active, bool ParentMaySell, DateTimeOffset OpenedAt);

/// <summary>The distributor files a reseller's signed reseller agreement.</summary>
public sealed record ResellerAgreementFiled(Guid AccountId, DateOnly SignedOn, string DocumentReference, DateTimeOffset FiledAt);

public sealed record AccountActivated(Guid AccountId, DateTimeOffset ActivatedAt);

public sealed record AccountSuspended(Guid AccountId, string Reason, DateTimeOffset SuspendedAt);

/// <summary>A sub-reseller's parent started or stopped being allowed to sell (the sub-reseller sells through it).</summary>
public sealed record ParentSellingChanged(Guid AccountId, Guid ParentId, bool ParentMaySell, DateTimeOffset ChangedAt);

/// <summary>The distributor attached a contact, task, event, document or case to the account (one rule set with the
/// contract's annotations: ServiceDefaults/Annotations).</summary>
public sealed record AnnotationAttached(Guid AccountId, Guid AnnotationId, AnnotationKind Kind, AnnotationContent Content, string By, DateTimeOffset AttachedAt,
    string? Through = null);
