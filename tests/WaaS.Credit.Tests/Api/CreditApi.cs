using Microsoft.AspNetCore.Hosting;
using WaaS.Testing;
using Xunit;

namespace WaaS.Credit.Tests.Api;

/// <summary>
/// Credit in process. One host for the whole project: its queues are named by the service, so two hosts would share them.
/// The development bureau answers late for companies named "Langsam" (slower than the host's 300 ms per attempt, one
/// retry), so the timeout path is tried in bounded time.
/// </summary>
public sealed class CreditApi : ServiceApi<Program>
{
    /// <summary>The queue CheckCredit arrives on (MassTransit's kebab-case name, prefixed by the service).</summary>
    public const string CheckCreditQueue = "credit-check-credit";

    public const string ContractActivatedQueue = "credit-contract-activated";
    public const string ContractExtendedQueue = "credit-contract-extended";
    public const string ContractEndedQueue = "credit-contract-ended";
    public const string DealRejectedQueue = "credit-deal-rejected";
    public const string DealCancelledQueue = "credit-deal-cancelled";
    public const string DebitReturnedQueue = "credit-debit-returned";
    public const string DunningClearedQueue = "credit-dunning-cleared";

    /// <summary>A company name the development bureau answers too late for.</summary>
    public const string SlowCompany = "Langsam";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Credit:Bureau:AttemptTimeout", "00:00:00.300");
        builder.UseSetting("Credit:Bureau:Retries", "1");
        builder.UseSetting("Credit:Bureau:RetryDelay", "00:00:00.050");
        builder.UseSetting("Credit:Bureau:Development:SlowCompanies:0", SlowCompany);
        builder.UseSetting("Credit:Bureau:Development:SlowDelay", "00:00:30");
    }
}

[CollectionDefinition(Name)]
public sealed class CreditApiCollection : ICollectionFixture<CreditApi>
{
    public const string Name = "Credit API";
}
