using JasperFx.Events.Projections;
using Marten;
using WaaS.Logistics.Shipments;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("logistics");
builder.AddEventStore("logistics", options =>
{
    options.Projections.Snapshot<Shipment>(SnapshotLifecycle.Inline);
    options.Schema.For<Shipment>().Index(s => s.ContractId);
});
builder.AddMessaging("logistics", bus =>
{
    bus.AddConsumer<CreateShipmentConsumer>();
    bus.AddConsumer<CancelShipmentConsumer>();
});

var app = builder.Build();
app.MapDefaultEndpoints();

var shipments = app.MapGroup("/shipments").WithTags("Shipments");
shipments.MapGet("/", ShipmentEndpoints.ByContract);
shipments.MapGet("/{id:guid}", ShipmentEndpoints.Get);
shipments.MapPost("/{id:guid}/dispatch", ShipmentEndpoints.Dispatch);
shipments.MapPost("/{id:guid}/delivery", ShipmentEndpoints.Deliver);
shipments.MapPost("/{id:guid}/failure", ShipmentEndpoints.Fail);

app.Run();

public partial class Program;
