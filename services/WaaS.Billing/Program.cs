using WaaS.Billing.Schedules;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("billing");
builder.AddEventStore("billing", options => options.AddSchedules());
builder.AddMessaging("billing", bus => bus.AddSchedules());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSchedules();

app.Run();

public partial class Program;
