using Marten;
using MassTransit;

namespace WaaS.Quoting.Accounts;

/// <summary>The local copy of the account hierarchy (resellers, sub-resellers, customer accounts) quoting decides with.</summary>
public static class Config
{
    public static StoreOptions AddKnownAccounts(this StoreOptions options)
    {
        options.Schema.For<KnownAccount>().UseOptimisticConcurrency(true);
        return options;
    }

    public static IBusRegistrationConfigurator AddKnownAccounts(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CopyAccount>();
        return bus;
    }
}
