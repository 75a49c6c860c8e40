namespace WaaS.Accounts.Identity;

/// <summary>A person who signs in (authorization code + PKCE) and acts for one tenant with its roles. The password is
/// stored only as an ASP.NET Core Identity <c>PasswordHasher</c> hash (PBKDF2).</summary>
public sealed record AccountUser(Guid Id, string Email, string Name, Guid TenantId, string[] Roles, string PasswordHash, bool Disabled = false);

/// <summary>A tenant a machine client may get tokens for, with the roles it then holds.</summary>
public sealed record TenantGrant(Guid TenantId, string[] Roles);

/// <summary>The tenants a machine client (client credentials) acts for, keyed by its client id. A client with one grant
/// gets tokens for it; a client with several (a marketplace) names the one with the token request's <c>tenant</c>.</summary>
public sealed record ClientGrant(string Id, TenantGrant[] Tenants);

public static class PrincipalsConfig
{
    public static Marten.StoreOptions AddPrincipals(this Marten.StoreOptions options)
    {
        options.Schema.For<AccountUser>().UniqueIndex(u => u.Email);
        options.Schema.For<ClientGrant>();
        options.Schema.For<DataProtectionKey>();
        return options;
    }
}
