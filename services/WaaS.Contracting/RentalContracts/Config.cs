using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using WaaS.Contracting.RentalContracts.Activating;
using WaaS.Contracting.RentalContracts.Annotating;
using WaaS.Contracting.RentalContracts.Auditing;
using WaaS.Contracting.RentalContracts.Drafting;
using WaaS.Contracting.RentalContracts.Ending;
using WaaS.Contracting.RentalContracts.Extending;
using WaaS.Contracting.RentalContracts.Following;
using WaaS.Contracting.RentalContracts.Purchasing;
using WaaS.Contracting.RentalContracts.Reading;
using WaaS.Contracting.RentalContracts.Signing;
using WaaS.Contracting.RentalContracts.Terminating;
using WaaS.Contracting.RentalContracts.Voiding;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Contracting.RentalContracts;

/// <summary>The rental contract: drafted from an accepted quote, signed, activated by the deal, extended, ended.</summary>
public static class Config
{
    public static StoreOptions AddRentalContracts(this StoreOptions options)
    {
        options.Projections.Snapshot<RentalContract>(SnapshotLifecycle.Inline);
        options.Schema.For<RentalContract>().Index(c => c.ResellerId).Index(c => c.CustomerId);
        options.Schema.For<SignatureScan>();
        options.Schema.For<ContractAnnotation>().Index(a => a.ContractId);
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
        // Reads are scoped in the query (ContractAccess). Changes of the contract are the reseller's: the distributor is
        // let through to them only to be told the named rule (403 DistributorMayNotChangeResellersContract).
        contracts.MapGet("/", ListEndingContracts.List).For(Party.ContractReaders);
        contracts.MapGet("/{id:guid}", GetContract.Handle).For(Party.ContractReaders);
        contracts.MapPost("/{id:guid}/signatures/customer", SignContract.ByCustomer).For(Party.ResellerStaff | Party.Customer);
        contracts.MapPost("/{id:guid}/signatures/distributor", SignContract.ByDistributor).For(Party.Operations);
        contracts.MapPost("/{id:guid}/signatures/customer/scan", UploadScan.Handle).For(Party.ResellerStaff | Party.Customer);
        contracts.MapGet("/{id:guid}/signatures/customer/scan", DownloadScan.Handle).For(Party.ContractReaders);
        contracts.MapPost("/{id:guid}/extension", ExtendContract.Handle).For(Party.ResellerStaff | Party.Distributor);
        contracts.MapPost("/{id:guid}/termination", TerminateContract.Handle).For(Party.ResellerStaff | Party.Distributor);
        contracts.MapPost("/{id:guid}/purchase", RefusePurchase.Handle).For(Party.ContractReaders);
        contracts.MapPost("/{id:guid}/predecessor", LinkPredecessor.Handle).For(Party.ResellerStaff | Party.Distributor);
        contracts.MapPost("/{id:guid}/annotations", AnnotateContract.Attach).ForDistributor();
        contracts.MapGet("/{id:guid}/annotations", AnnotateContract.List).ForDistributor();
        contracts.MapGet("/{id:guid}/audit", ContractAudit.Handle).For(Party.Distributor | Party.Reseller);
        return app;
    }
}
