using WaaS.Returns.ReturnCases;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("returns");
builder.AddEventStore("returns", options => options.AddReturnCases());
builder.AddMessaging("returns", bus => bus.AddReturnCases());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReturnCases();

app.Run();

public partial class Program;
