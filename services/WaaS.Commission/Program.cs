using JasperFx.Events.Projections;
using Marten;
using WaaS.Commission.Recording;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("commission");
builder.AddEventStore("commission", options => options.Projections.Snapshot<ResellerCommission>(SnapshotLifecycle.Inline));
builder.AddMessaging("commission", bus =>
{
    bus.AddConsumer<RecordCommissionConsumer>();
    bus.AddConsumer<ContractExtendedConsumer>();
});

var app = builder.Build();
app.MapDefaultEndpoints();

var commissions = app.MapGroup("/commissions").WithTags("Commission");
commissions.MapGet("/{contractId:guid}", async (Guid contractId, IQuerySession session, CancellationToken ct) =>
    await session.LoadAsync<ResellerCommission>(contractId, ct) is { } commission
        ? Results.Ok(commission)
        : Problems.NotFound("Commission", contractId));
commissions.MapGet("/", async (Guid? resellerId, IQuerySession session, CancellationToken ct) =>
    resellerId is null
        ? Problems.Invalid("resellerId", "Required", "Filter by 'resellerId'.")
        : Results.Ok(await session.Query<ResellerCommission>().Where(c => c.ResellerId == resellerId).OrderBy(c => c.PayableAt).ToListAsync(ct)));

app.Run();

public partial class Program;
