using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Testing;

/// <summary>
/// Access tokens for a service tested alone: signed with the test key the <see cref="ServiceApi{TProgram}"/> host is
/// given (<see cref="SecurityExtensions.TestSigningKeySetting"/>), with exactly the claims the Accounts service's
/// OpenID Connect server puts in a real token. End-to-end tests get real tokens from the real server instead.
/// </summary>
public static class TestTokens
{
    /// <summary>The symmetric key of test-signed tokens (Development only; a host elsewhere refuses it).</summary>
    public const string SigningKey = "waas-tests-only-signing-key-0123456789-abcdef";

    /// <summary>A signed token for <paramref name="caller"/>; <paramref name="lifetime"/> may be negative for an expired one.</summary>
    public static string For(Caller caller, TimeSpan? lifetime = null, string audience = WaaSClaims.Audience, string? key = null)
    {
        var claims = new List<Claim>
        {
            new(WaaSClaims.Subject, caller.Subject),
            new(WaaSClaims.ClientId, caller.ClientId),
            new(WaaSClaims.Tenant, caller.TenantId.ToString()),
            new(WaaSClaims.TenantKind, caller.Kind.ToString().ToLowerInvariant()),
        };
        claims.AddRange(caller.Roles.Select(r => new Claim(WaaSClaims.Role, r)));
        if (caller.ParentId is { } parent)
        {
            claims.Add(new Claim(WaaSClaims.Parent, parent.ToString()));
        }
        claims.AddRange((caller.SubResellerIds ?? []).Select(s => new Claim(WaaSClaims.SubReseller, s.ToString())));
        if (caller.VendorName is { } vendor)
        {
            claims.Add(new Claim(WaaSClaims.Vendor, vendor));
        }

        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SecurityExtensions.TestIssuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now,
            NotBefore = expires < now ? expires.AddMinutes(-5) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>
/// Callers for tests. Each call of a factory makes a new tenant, so a test owns its data and its lists hold only its
/// own; the fixed ones (<see cref="Operations"/>, <see cref="Finance"/>) are the distributor, which sees everything.
/// </summary>
public static class As
{
    /// <summary>The distributor's id in tests.</summary>
    public static readonly Guid DistributorId = Guid.Parse("d15710b0-0000-4000-8000-000000000001");

    /// <summary>A distributor operator (credit, dispatch, countersigning, deals).</summary>
    public static Caller Operations { get; } = Person(DistributorId, AccountKind.Distributor, Roles.Operations);

    /// <summary>Distributor finance (price lists, invoicing, payouts).</summary>
    public static Caller Finance { get; } = Person(DistributorId, AccountKind.Distributor, Roles.Finance);

    /// <summary>Staff of a new reseller (or of the given one), optionally with sub-resellers.</summary>
    public static Caller Reseller(Guid? id = null, params Guid[] subResellers) =>
        Person(id ?? Guid.NewGuid(), AccountKind.Reseller, Roles.Sales) with { SubResellerIds = subResellers };

    /// <summary>Staff of a new sub-reseller of <paramref name="parent"/>.</summary>
    public static Caller SubReseller(Guid parent, Guid? id = null) =>
        Person(id ?? Guid.NewGuid(), AccountKind.Reseller, Roles.Sales) with { ParentId = parent };

    /// <summary>An integration partner reading <paramref name="reseller"/>'s business (read-only).</summary>
    public static Caller PartnerOf(Guid reseller) =>
        Machine(reseller, AccountKind.Reseller, Roles.Integration);

    /// <summary>A person of the end customer <paramref name="customerAccount"/>.</summary>
    public static Caller Customer(Guid? customerAccount = null) =>
        Person(customerAccount ?? Guid.NewGuid(), AccountKind.Customer, Roles.Customer);

    /// <summary>A vendor, by its catalogue name.</summary>
    public static Caller Vendor(string name, Guid? id = null) =>
        Machine(id ?? Guid.NewGuid(), AccountKind.Vendor, Roles.Vendor) with { VendorName = name };

    private static Caller Person(Guid tenant, AccountKind kind, string role) =>
        new("user-" + Guid.NewGuid().ToString("N")[..8], "test-console", tenant, kind, new HashSet<string> { role });

    private static Caller Machine(Guid tenant, AccountKind kind, string role) =>
        new("client-" + Guid.NewGuid().ToString("N")[..8], "test-client-" + tenant.ToString("N")[..6], tenant, kind, new HashSet<string> { role });
}
