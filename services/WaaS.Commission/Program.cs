using WaaS.Commission.Commissions;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("commission");
builder.AddEventStore("commission", options => options.AddCommissions());
builder.AddMessaging("commission", bus => bus.AddCommissions());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCommissions();

app.Run();

public partial class Program;
