using WaaS.Credit.Bureau;
using WaaS.Credit.Checks;
using WaaS.Credit.Customers;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("credit");
builder.AddCreditBureau();
builder.AddEventStore("credit", options => options.AddCreditChecks().AddCustomerExposure());
builder.AddMessaging("credit", bus => bus.AddCreditChecks().AddCustomerExposure());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCreditChecks();
app.MapCustomerExposure();

app.Run();

public partial class Program;
