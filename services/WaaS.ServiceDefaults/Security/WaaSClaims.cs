namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// The claims a WaaS access token carries (issued by the Accounts service's OpenID Connect server, validated by the
/// gateway and by every service). Standard claims keep their standard names; ours are prefixed <c>waas_</c>.
/// </summary>
public static class WaaSClaims
{
    /// <summary>The audience every WaaS API token is issued for.</summary>
    public const string Audience = "waas-api";

    /// <summary>The scope a client asks for to call the WaaS API.</summary>
    public const string ApiScope = "waas.api";

    /// <summary>Who: the person's user id, or the machine client's id.</summary>
    public const string Subject = "sub";

    /// <summary>Through which registered client (application) the request comes.</summary>
    public const string ClientId = "client_id";

    /// <summary>The roles of the subject within its tenant (see <see cref="Roles"/>); one claim per role.</summary>
    public const string Role = "role";

    /// <summary>The account the caller acts for (distributor, reseller, customer or vendor), a GUID.</summary>
    public const string Tenant = "waas_tenant";

    /// <summary>What the tenant is: distributor, reseller, customer or vendor (<see cref="Contracts.AccountKind"/>).</summary>
    public const string TenantKind = "waas_kind";

    /// <summary>A sub-reseller's parent reseller (it sells through the parent's account).</summary>
    public const string Parent = "waas_parent";

    /// <summary>A reseller's sub-resellers, one claim each: the reseller sees their business too.</summary>
    public const string SubReseller = "waas_sub";

    /// <summary>A vendor's name as the catalogue spells it: the vendor sees its own sell-out.</summary>
    public const string Vendor = "waas_vendor";
}

/// <summary>The roles a subject can hold. Which roles a tenant kind can have is fixed by the Accounts service.</summary>
public static class Roles
{
    /// <summary>Distributor operations: credit decisions, dispatch and delivery, countersigning, deals.</summary>
    public const string Operations = "operations";

    /// <summary>Distributor finance: price lists, invoicing, payouts.</summary>
    public const string Finance = "finance";

    /// <summary>Reseller staff (or the marketplace acting for the reseller): quotes, signatures, follow-ups.</summary>
    public const string Sales = "sales";

    /// <summary>An integration partner of a reseller or vendor: reads that tenant's business, changes nothing.</summary>
    public const string Integration = "integration";

    /// <summary>A person of an end customer: reads the customer's own contracts.</summary>
    public const string Customer = "customer";

    /// <summary>A vendor's partner-programme staff or system: reads the vendor's sell-out.</summary>
    public const string Vendor = "vendor";
}
