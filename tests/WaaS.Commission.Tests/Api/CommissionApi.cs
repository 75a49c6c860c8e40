using WaaS.Testing;
using Xunit;

namespace WaaS.Commission.Tests.Api;

/// <summary>Commission in process. One host for the whole project: its queues are named by the service, so two hosts would share them.</summary>
public sealed class CommissionApi : ServiceApi<Program>
{
    /// <summary>The queues RecordCommission and ContractExtended arrive on (MassTransit's kebab-case names, prefixed by the service).</summary>
    public const string RecordCommissionQueue = "commission-record-commission";

    public const string ContractExtendedQueue = "commission-contract-extended";
}

[CollectionDefinition(Name)]
public sealed class CommissionApiCollection : ICollectionFixture<CommissionApi>
{
    public const string Name = "Commission API";
}
