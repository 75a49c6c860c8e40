using JasperFx.Events.Projections;
using Marten;
using WaaS.Billing.Schedules;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("billing");
builder.AddEventStore("billing", options => options.Projections.Snapshot<BillingSchedule>(SnapshotLifecycle.Inline));
builder.AddMessaging("billing", bus =>
{
    bus.AddConsumer<ContractActivatedConsumer>();
    bus.AddConsumer<ContractExtendedConsumer>();
    bus.AddConsumer<ContractEndedConsumer>();
});

var app = builder.Build();
app.MapDefaultEndpoints();

app.MapGet("/schedules/{contractId:guid}", async (Guid contractId, IQuerySession session, CancellationToken ct) =>
    await session.LoadAsync<BillingSchedule>(contractId, ct) is { } schedule
        ? Results.Ok(schedule)
        : Problems.NotFound("Billing schedule", contractId))
    .WithTags("Billing");

app.Run();

public partial class Program;
