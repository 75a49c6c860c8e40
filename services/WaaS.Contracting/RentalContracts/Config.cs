using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.Contracting.RentalContracts.Activating;
using WaaS.Contracting.RentalContracts.Drafting;
using WaaS.Contracting.RentalContracts.Ending;
using WaaS.Contracting.RentalContracts.Extending;
using WaaS.Contracting.RentalContracts.Following;
using WaaS.Contracting.RentalContracts.Purchasing;
using WaaS.Contracting.RentalContracts.Reading;
using WaaS.Contracting.RentalContracts.Signing;
using WaaS.Contracting.RentalContracts.Terminating;
using WaaS.Contracting.RentalContracts.Voiding;

namespace WaaS.Contracting.RentalContracts;

/// <summary>The rental contract: drafted from an accepted quote, signed, activated by the deal, extended, ended.</summary>
public static class Config
{
    public static StoreOptions AddRentalContracts(this StoreOptions options)
    {
        options.Projections.Snapshot<RentalContract>(SnapshotLifecycle.Inline);
        options.Schema.For<RentalContract>().Index(c => c.ResellerId);
        options.Schema.For<SignatureScan>();
        return options;
    }

    public static IBusRegistrationConfigurator AddRentalContracts(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<DraftContract>();
        bus.AddConsumer<ActivateContract>();
        bus.AddConsumer<VoidContract>();
        bus.AddConsumer<EndAtEndOfTerm>();
        return bus;
    }

    public static IEndpointRouteBuilder MapRentalContracts(this IEndpointRouteBuilder app)
    {
        var contracts = app.MapGroup("/contracts").WithTags("Contracts");
        contracts.MapGet("/", ListEndingContracts.List);
        contracts.MapGet("/{id:guid}", GetContract.Handle);
        contracts.MapPost("/{id:guid}/signatures/customer", SignContract.ByCustomer);
        contracts.MapPost("/{id:guid}/signatures/distributor", SignContract.ByDistributor);
        contracts.MapPost("/{id:guid}/signatures/customer/scan", UploadScan.Handle);
        contracts.MapGet("/{id:guid}/signatures/customer/scan", DownloadScan.Handle);
        contracts.MapPost("/{id:guid}/extension", ExtendContract.Handle);
        contracts.MapPost("/{id:guid}/termination", TerminateContract.Handle);
        contracts.MapPost("/{id:guid}/purchase", RefusePurchase.Handle);
        contracts.MapPost("/{id:guid}/predecessor", LinkPredecessor.Handle);
        return app;
    }
}
