using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;
using WaaS.VendorReporting.SellOuts;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("vendor-reporting");
builder.AddEventStore("vendor_reporting", options => options.AddSellOuts());
builder.AddMessaging("vendor-reporting", bus => bus.AddSellOuts());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSellOuts();

app.Run();

public partial class Program;
