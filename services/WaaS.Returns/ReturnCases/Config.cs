using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.Returns.ReturnCases.Opening;
using WaaS.Returns.ReturnCases.Reading;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Returns.ReturnCases;

public static class Config
{
    public static StoreOptions AddReturnCases(this StoreOptions options)
    {
        options.Projections.Snapshot<ReturnCase>(SnapshotLifecycle.Inline);
        options.Schema.For<ReturnCase>().Index(c => c.ContractId);
        return options;
    }

    /// <summary>A case opens when a contract ends; the consumer's name gives the queue its name.</summary>
    public static IBusRegistrationConfigurator AddReturnCases(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ContractEndedConsumer>();
        return bus;
    }

    public static IEndpointRouteBuilder MapReturnCases(this IEndpointRouteBuilder app)
    {
        // The distributor, the reseller's side and the end customer read a case, scoped in the query.
        var cases = app.MapGroup("/return-cases").WithTags("Returns").For(Party.ContractReaders);
        cases.MapGet("/", ReturnCaseQueries.ByContract);
        cases.MapGet("/{id:guid}", ReturnCaseQueries.Get);
        return app;
    }
}
