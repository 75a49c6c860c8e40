using Marten;
using MassTransit;
using WaaS.Contracting.Deals.Cancelling;
using WaaS.Contracting.Deals.Reading;
using WaaS.Contracting.Deals.Reshipping;
using WaaS.Contracting.Deals.Timeline;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.Deals;

/// <summary>The deal flow (saga trio), its timeline read model and the operator commands on a deal.</summary>
public static class Config
{
    public static StoreOptions AddDeals(this StoreOptions options)
    {
        options.AddSagaState<DealState>();
        options.Schema.For<DealTimeline>().UseOptimisticConcurrency(true);
        return options;
    }

    public static IBusRegistrationConfigurator AddDeals(this IBusRegistrationConfigurator bus)
    {
        DealDeadlines.DeclareCorrelation();
        bus.AddSagaStateMachine<DealStateMachine, DealState>(typeof(DealStateDefinition)).MartenRepository();
        bus.AddConsumer<RecordTimeline, RecordTimelineDefinition>();
        return bus;
    }

    public static IEndpointRouteBuilder MapDeals(this IEndpointRouteBuilder app)
    {
        var deals = app.MapGroup("/deals").WithTags("Deals");
        deals.MapGet("/{id:guid}", DealQueries.Get).For(Party.ContractReaders);
        deals.MapGet("/operations", DealQueries.ForOperations).ForDistributor();
        deals.MapPost("/{id:guid}/cancellation", CancelDeal.Handle).For(Party.Operations);
        deals.MapPost("/{id:guid}/reshipment", ReshipDeal.Handle).For(Party.Operations);
        return app;
    }
}
