using JasperFx.Events.Projections;
using Marten;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.Quotes;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("quoting");
builder.AddEventStore("quoting", options => options.Projections.Snapshot<Quote>(SnapshotLifecycle.Inline));
builder.AddMessaging("quoting", _ => { });

var app = builder.Build();
app.MapDefaultEndpoints();

app.MapGet("/catalogue", () => PriceList.Items).WithTags("Catalogue");
var quotes = app.MapGroup("/quotes").WithTags("Quotes");
quotes.MapPost("/", QuoteEndpoints.Create);
quotes.MapGet("/{id:guid}", QuoteEndpoints.Get);
quotes.MapPost("/{id:guid}/accept", QuoteEndpoints.Accept);

app.Run();

public partial class Program;
