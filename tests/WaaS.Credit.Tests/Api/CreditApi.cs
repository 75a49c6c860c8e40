using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>Credit in process. One host for the whole project: its queues are named by the service, so two hosts would share them.</summary>
public sealed class CreditApi : ServiceApi<Program>
{
    /// <summary>The queue CheckCredit arrives on (MassTransit's kebab-case name, prefixed by the service).</summary>
    public const string CheckCreditQueue = "credit-check-credit";
}

[CollectionDefinition(Name)]
public sealed class CreditApiCollection : ICollectionFixture<CreditApi>
{
    public const string Name = "Credit API";
}
