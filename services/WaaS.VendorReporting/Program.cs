using JasperFx.Events.Projections;
using Marten;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;
using WaaS.VendorReporting.SellOut;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("vendor-reporting");
builder.AddEventStore("vendor_reporting", options => options.Projections.Snapshot<SellOutReport>(SnapshotLifecycle.Inline));
builder.AddMessaging("vendor-reporting", bus =>
{
    bus.AddConsumer<ContractActivatedConsumer>();
    bus.AddConsumer<ContractExtendedConsumer>();
});

var app = builder.Build();
app.MapDefaultEndpoints();

var sellOuts = app.MapGroup("/sell-outs").WithTags("Sell-out");
sellOuts.MapGet("/{contractId:guid}", async (Guid contractId, IQuerySession session, CancellationToken ct) =>
    await session.LoadAsync<SellOutReport>(contractId, ct) is { } report
        ? Results.Ok(report)
        : Problems.NotFound("Sell-out report", contractId));
sellOuts.MapGet("/", async (string? vendor, IQuerySession session, CancellationToken ct) =>
    string.IsNullOrWhiteSpace(vendor)
        ? Problems.Invalid("vendor", "Required", "Filter by 'vendor'.")
        : Results.Ok(await session.Query<SellOutReport>().Where(r => r.Vendors.Contains(vendor)).ToListAsync(ct)));

app.Run();

public partial class Program;
