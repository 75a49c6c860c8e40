using WaaS.Contract.Activating;
using WaaS.Contract.Contracts;
using WaaS.Contract.Deals;
using WaaS.Contract.Drafting;
using WaaS.Contract.Extending;
using WaaS.Contract.Following;
using WaaS.Contract.Signing;
using WaaS.Contract.Terminating;
using WaaS.Contract.Terms;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("contract");
builder.AddEventStore("contract", options =>
{
    options.AddContracts();
    options.AddSagaState<DealState>();
});
builder.AddMessaging("contract", bus =>
{
    bus.AddConsumer<QuoteAcceptedConsumer>();
    bus.AddConsumer<ContractActivatedConsumer>();
    bus.AddConsumer<DealRejectedConsumer>();
    bus.AddConsumer<DealCancelledConsumer>();
    bus.AddConsumer<EndOfTermReachedConsumer>();
    bus.AddSagaStateMachine<DealStateMachine, DealState>(typeof(DealStateDefinition)).MartenRepository();
});

var app = builder.Build();
app.MapDefaultEndpoints();

var contracts = app.MapGroup("/contracts").WithTags("Contracts");
contracts.MapGet("/{id:guid}", ContractEndpoints.GetContract);
contracts.MapPost("/{id:guid}/signatures/customer", SigningEndpoints.SignByCustomer);
contracts.MapPost("/{id:guid}/signatures/distributor", SigningEndpoints.Countersign);
contracts.MapPost("/{id:guid}/signatures/customer/scan", ScanEndpoints.Upload);
contracts.MapGet("/{id:guid}/signatures/customer/scan", ScanEndpoints.Download);
contracts.MapPost("/{id:guid}/termination", TerminationEndpoints.Terminate);
contracts.MapPost("/{id:guid}/purchase", TerminationEndpoints.RequestPurchase);
contracts.MapPost("/{id:guid}/extension", ExtensionEndpoints.Extend);
contracts.MapPost("/{id:guid}/predecessor", SuccessorEndpoints.LinkPredecessor);
contracts.MapGet("/", EndingContracts.List);

var deals = app.MapGroup("/deals").WithTags("Deals");
deals.MapGet("/{id:guid}", DealEndpoints.GetDeal);
deals.MapGet("/operations", DealEndpoints.ForOperations);
deals.MapPost("/{id:guid}/cancellation", DealCommandEndpoints.Cancel);
deals.MapPost("/{id:guid}/reshipment", DealCommandEndpoints.Reship);

app.Run();

public partial class Program;
