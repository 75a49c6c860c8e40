using WaaS.Accounts.Accounts;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("accounts");
builder.AddEventStore("accounts", options => options.AddAccounts());
builder.AddMessaging("accounts", _ => { });

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAccounts();

app.Run();

public partial class Program;
