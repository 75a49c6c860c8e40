using WaaS.Logistics.Shipments;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("logistics");
builder.AddEventStore("logistics", options => options.AddShipments());
builder.AddMessaging("logistics", bus => bus.AddShipments());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapShipments();

app.Run();

public partial class Program;
