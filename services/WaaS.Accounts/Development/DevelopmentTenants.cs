using WaaS.Contracts;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Accounts.Development;

/// <summary>
/// The documented development tenant set (services/WaaS.Accounts/README.md), seeded only in Development. Fixed ids and
/// secrets so demo.sh and the end-to-end tests can use them; never seeded elsewhere.
/// </summary>
public static class DevelopmentTenants
{
    public const string Password = "waas-dev-password";

    public static readonly Guid Distributor = Guid.Parse("d15710b0-0000-4000-8000-000000000001");
    public static readonly Guid Reseller1 = Guid.Parse("7e5e1100-0000-4000-8000-000000000001");
    public static readonly Guid Reseller2 = Guid.Parse("7e5e1100-0000-4000-8000-000000000002");
    public static readonly Guid SubReseller = Guid.Parse("7e5e1100-0000-4000-8000-000000000011");
    public static readonly Guid Customer1 = Guid.Parse("c0570000-0000-4000-8000-000000000001");
    public static readonly Guid Vendor = Guid.Parse("7e4d0400-0000-4000-8000-000000000001");
    public const string VendorName = "Dell";

    public static readonly DateOnly AgreementsSignedOn = new(2026, 1, 15);

    public sealed record SeedAccount(Guid Id, AccountKind Kind, string Name, Guid? ParentId, string? VendorName, bool Agreement);

    public static readonly IReadOnlyList<SeedAccount> Accounts =
    [
        new(Distributor, AccountKind.Distributor, "WaaS Distribution GmbH", null, null, false),
        new(Reseller1, AccountKind.Reseller, "Northwind IT Solutions", null, null, true),
        new(Reseller2, AccountKind.Reseller, "Contoso Systemhaus", null, null, true),
        new(SubReseller, AccountKind.Reseller, "Northwind Partner Süd", Reseller1, null, true),
        new(Customer1, AccountKind.Customer, "Fabrikam Steuerberatung", Reseller1, null, false),
        new(Vendor, AccountKind.Vendor, "Dell Technologies", null, VendorName, false),
    ];

    public sealed record SeedUser(Guid Id, string Email, string Name, Guid TenantId, string Role);

    public static readonly IReadOnlyList<SeedUser> Users =
    [
        new(Guid.Parse("05e40000-0000-4000-8000-000000000001"), "ops@distributor.example", "Olga Operations", Distributor, Roles.Operations),
        new(Guid.Parse("05e40000-0000-4000-8000-000000000002"), "finance@distributor.example", "Finn Finance", Distributor, Roles.Finance),
        new(Guid.Parse("05e40000-0000-4000-8000-000000000011"), "sales@reseller1.example", "Rita Reseller-One", Reseller1, Roles.Sales),
        new(Guid.Parse("05e40000-0000-4000-8000-000000000012"), "sales@reseller2.example", "Rolf Reseller-Two", Reseller2, Roles.Sales),
        new(Guid.Parse("05e40000-0000-4000-8000-000000000013"), "sales@subreseller.example", "Sina Sub-Reseller", SubReseller, Roles.Sales),
        new(Guid.Parse("05e40000-0000-4000-8000-000000000021"), "it@customer1.example", "Carl Customer", Customer1, Roles.Customer),
    ];

    public sealed record SeedClient(string ClientId, string DisplayName, string Secret, TenantGrantSeed[] Tenants);

    public sealed record TenantGrantSeed(Guid TenantId, string Role);

    public static readonly IReadOnlyList<SeedClient> MachineClients =
    [
        new("marketplace", "Marketplace back end", "marketplace-dev-secret",
            [new(Reseller1, Roles.Sales), new(Reseller2, Roles.Sales), new(SubReseller, Roles.Sales)]),
        new("distributor-backoffice", "Distributor back office", "backoffice-dev-secret", [new(Distributor, Roles.Operations)]),
        new("partner-crm", "Integration partner of Northwind (CRM)", "partner-dev-secret", [new(Reseller1, Roles.Integration)]),
        new("vendor-dell", "Dell partner programme system", "vendor-dev-secret", [new(Vendor, Roles.Vendor)]),
    ];

    /// <summary>The public client people sign in through (authorization code + PKCE, no secret).</summary>
    public const string ConsoleClientId = "waas-console";

    public static readonly IReadOnlyList<string> ConsoleRedirectUris =
    [
        "http://localhost:5080/ops/callback",
        "http://localhost:5109/callback",
        "http://127.0.0.1/callback",
        "http://127.0.0.1:8765/callback",
    ];
}
