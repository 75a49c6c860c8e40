using WaaS.Documents;
using WaaS.Notifications.Deals;
using WaaS.Notifications.Documents;
using WaaS.Notifications.Mails;
using WaaS.Notifications.Notifying;
using WaaS.Notifications.Recipients;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("notifications");
builder.AddEventStore("notifications", options => options.AddDeals().AddIssuedDocuments().AddMails().AddResellerContacts());
builder.AddMessaging("notifications", bus => bus.AddNotifying());
builder.AddDocuments();
builder.AddMailDelivery();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapIssuedDocuments();
app.MapMails();
app.MapResellerContacts();

app.Run();

public partial class Program;
