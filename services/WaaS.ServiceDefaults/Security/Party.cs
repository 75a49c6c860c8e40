namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// Who may call an endpoint, as flags: the tenant kind and role of the caller together. An endpoint names the parties
/// it serves (<see cref="Access.For{TBuilder}"/>); every other authenticated caller gets 403, naming the rule.
/// </summary>
[Flags]
public enum Party
{
    None = 0,

    /// <summary>The distributor's operations team.</summary>
    Operations = 1,

    /// <summary>The distributor's finance team.</summary>
    Finance = 2,

    /// <summary>A reseller's (or sub-reseller's) staff, or the marketplace acting for it.</summary>
    ResellerStaff = 4,

    /// <summary>An integration partner reading a reseller's business.</summary>
    ResellerPartner = 8,

    /// <summary>A person of an end customer.</summary>
    Customer = 16,

    /// <summary>A vendor (its staff or systems).</summary>
    Vendor = 32,

    /// <summary>Anyone of the distributor.</summary>
    Distributor = Operations | Finance,

    /// <summary>Anyone who acts for a reseller, writing or reading.</summary>
    Reseller = ResellerStaff | ResellerPartner,

    /// <summary>Every party that may read a reseller's contracts: the distributor, the reseller's side, the customer.</summary>
    ContractReaders = Distributor | Reseller | Customer,

    /// <summary>Every party.</summary>
    Anyone = Distributor | Reseller | Customer | Vendor,
}
