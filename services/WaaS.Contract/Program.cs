using WaaS.Contract.Activating;
using WaaS.Contract.Contracts;
using WaaS.Contract.Deals;
using WaaS.Contract.Drafting;
using WaaS.Contract.Signing;
using WaaS.Contract.Terminating;
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
    bus.AddSagaStateMachine<DealStateMachine, DealState>(typeof(DealStateDefinition)).MartenRepository();
});

var app = builder.Build();
app.MapDefaultEndpoints();

var contracts = app.MapGroup("/contracts").WithTags("Contracts");
contracts.MapGet("/{id:guid}", ContractEndpoints.GetContract);
contracts.MapPost("/{id:guid}/signatures/customer", SigningEndpoints.SignByCustomer);
contracts.MapPost("/{id:guid}/signatures/distributor", SigningEndpoints.Countersign);
contracts.MapPost("/{id:guid}/termination", TerminationEndpoints.Terminate);
contracts.MapPost("/{id:guid}/purchase", TerminationEndpoints.RequestPurchase);

app.MapGet("/deals/{id:guid}", DealEndpoints.GetDeal).WithTags("Deals");

app.Run();

public partial class Program;
