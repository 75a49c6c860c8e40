using Xunit;
using WaaS.Testing;

namespace WaaS.VendorReporting.Tests.Api;

/// <summary>Vendor reporting in process. Its queues are named by the service, so the whole project shares this one host.</summary>
public sealed class VendorReportingApi : ServiceApi<Program>
{
    public const string ContractActivatedQueue = "vendor-reporting-contract-activated";
    public const string ContractExtendedQueue = "vendor-reporting-contract-extended";
}

[CollectionDefinition(Name)]
public sealed class VendorReportingApiCollection : ICollectionFixture<VendorReportingApi>
{
    public const string Name = "Vendor reporting API";
}
