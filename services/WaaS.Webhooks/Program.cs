using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;
using WaaS.Webhooks.Accounts;
using WaaS.Webhooks.Catalogue;
using WaaS.Webhooks.Delivery;
using WaaS.Webhooks.Events;
using WaaS.Webhooks.Subscriptions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("webhooks");
builder.AddEventStore("webhooks", options => options.AddKnownAccounts().AddWebhookEvents().AddSubscriptions());
builder.AddMessaging("webhooks", bus => bus.AddKnownAccounts().AddWebhookEvents());
builder.AddDelivery();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapSubscriptions();
app.MapCatalogue();

app.Run();

public partial class Program;
