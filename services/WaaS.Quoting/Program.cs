using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists;
using WaaS.Quoting.Quotes;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("quoting");
builder.AddEventStore("quoting", options => options.AddCatalogue().AddPriceLists().AddQuotes());
builder.AddMessaging("quoting", _ => { });
builder.Services.AddCatalogueSeed();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCatalogue();
app.MapPriceLists();
app.MapQuotes();

app.Run();

public partial class Program;
