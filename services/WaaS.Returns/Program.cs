using JasperFx.Events.Projections;
using Marten;
using WaaS.Returns.Cases;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("returns");
builder.AddEventStore("returns", options =>
{
    options.Projections.Snapshot<ReturnCase>(SnapshotLifecycle.Inline);
    options.Schema.For<ReturnCase>().Index(c => c.ContractId);
});
builder.AddMessaging("returns", bus => bus.AddConsumer<ContractEndedConsumer>());

var app = builder.Build();
app.MapDefaultEndpoints();

var cases = app.MapGroup("/return-cases").WithTags("Returns");
cases.MapGet("/{id:guid}", async (Guid id, IQuerySession session, CancellationToken ct) =>
    await session.LoadAsync<ReturnCase>(id, ct) is { } returnCase ? Results.Ok(returnCase) : Problems.NotFound("Return case", id));
cases.MapGet("/", async (Guid? contractId, IQuerySession session, CancellationToken ct) =>
    contractId is null
        ? Problems.Invalid("contractId", "Required", "Filter by 'contractId'.")
        : Results.Ok(await session.Query<ReturnCase>().Where(c => c.ContractId == contractId).ToListAsync(ct)));

app.Run();

public partial class Program;
