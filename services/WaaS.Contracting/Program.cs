using WaaS.Contracting.Deals;
using WaaS.Contracting.RentalContracts;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("contracting");
builder.AddEventStore("contracting", options => options.AddRentalContracts().AddDeals());
builder.AddMessaging("contracting", bus => bus.AddRentalContracts().AddDeals());

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapRentalContracts();
app.MapDeals();

app.Run();

public partial class Program;
