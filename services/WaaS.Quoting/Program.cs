using WaaS.Documents;
using WaaS.Quoting.Accounts;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists;
using WaaS.Quoting.Quotes;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("quoting");
builder.AddEventStore("quoting", options => options.AddCatalogue().AddPriceLists().AddQuotes().AddKnownAccounts());
builder.AddMessaging("quoting", bus => bus.AddKnownAccounts());
builder.Services.AddCatalogueSeed();
builder.AddDocuments();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCatalogue();
app.MapPriceLists();
app.MapQuotes();

app.Run();

public partial class Program;
