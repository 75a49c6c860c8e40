using Marten;
using MassTransit;

namespace WaaS.Webhooks.Accounts;

/// <summary>The local copy of the reseller hierarchy: a sub-reseller created after a subscription is still covered by it.</summary>
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
