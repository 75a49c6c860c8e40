using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;
using WaaS.Testing;

namespace WaaS.Billing.Tests.Api;

/// <summary>Billing in process. Its queues are named by the service, so the whole project shares this one host.</summary>
public sealed class BillingApi : ServiceApi<Program>
{
    public const string ContractActivatedQueue = "billing-contract-activated";
    public const string ContractExtendedQueue = "billing-contract-extended";
    public const string ContractEndedQueue = "billing-contract-ended";

    public Warnings Warnings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Warnings));
    }
}

[CollectionDefinition(Name)]
public sealed class BillingApiCollection : ICollectionFixture<BillingApi>
{
    public const string Name = "Billing API";
}
