using WaaS.Accounts.Accounts;
using WaaS.Accounts.Development;
using WaaS.Accounts.Identity;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("accounts");
builder.AddEventStore("accounts", options => options.AddAccounts().AddPrincipals());
builder.AddMessaging("accounts", _ => { });
builder.AddIdentityServer();
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddHostedService<DevelopmentSeeder>();
}

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIdentityServer();
app.MapAccounts();

app.Run();

public partial class Program;
