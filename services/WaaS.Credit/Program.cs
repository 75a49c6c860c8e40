using WaaS.Credit.Checks;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("credit");
builder.AddEventStore("credit", options => options.AddCreditChecks());
builder.AddMessaging("credit", bus => bus.AddCreditChecks());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCreditChecks();

app.Run();

public partial class Program;
