using Marten;
using MassTransit;
using WaaS.Credit.Customers.Reading;
using WaaS.Credit.Customers.Tracking;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Credit.Customers;

public static class Config
{
    /// <summary>Exposure documents are written with optimistic concurrency: two checks of one customer at once retry, not both count alone.</summary>
    public static StoreOptions AddCustomerExposure(this StoreOptions options)
    {
        options.Schema.For<CustomerExposure>().Identity(x => x.Id).UseOptimisticConcurrency(true);
        options.Schema.For<ContractLink>().Identity(x => x.Id);
        return options;
    }

    public static IBusRegistrationConfigurator AddCustomerExposure(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ContractActivatedConsumer>();
        bus.AddConsumer<ContractEndedConsumer>();
        bus.AddConsumer<DealRejectedConsumer>();
        bus.AddConsumer<DealCancelledConsumer>();
        bus.AddConsumer<DebitReturnedConsumer>();
        bus.AddConsumer<DunningClearedConsumer>();
        return bus;
    }

    /// <summary>A customer's exposure is the distributor's to read: it spans every reseller's deals with the customer.</summary>
    public static IEndpointRouteBuilder MapCustomerExposure(this IEndpointRouteBuilder app)
    {
        app.MapGroup("").WithTags("Credit").MapGet("/customers/{key}/exposure", ExposureQueries.Get).ForDistributor();
        return app;
    }
}
