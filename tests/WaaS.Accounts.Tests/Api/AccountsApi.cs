using WaaS.Testing;
using Xunit;

namespace WaaS.Accounts.Tests.Api;

/// <summary>Accounts in process: one host for the whole project (the development tenant set is seeded once; each test
/// opens its own accounts).</summary>
public sealed class AccountsApi : ServiceApi<Program>;

[CollectionDefinition(Name)]
public sealed class AccountsCollection : ICollectionFixture<AccountsApi>
{
    public const string Name = "accounts-api";
}
