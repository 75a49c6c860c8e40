using JasperFx.Events.Projections;
using Marten;
using WaaS.Credit.Checking;
using WaaS.ServiceDefaults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("credit");
builder.AddEventStore("credit", options => options.Projections.Snapshot<CreditCheck>(SnapshotLifecycle.Inline));
builder.AddMessaging("credit", bus => bus.AddConsumer<CheckCreditConsumer>());

var app = builder.Build();
app.MapDefaultEndpoints();

app.MapGet("/checks/{contractId:guid}", async (Guid contractId, IQuerySession session, CancellationToken ct) =>
    await session.LoadAsync<CreditCheck>(contractId, ct) is { } check
        ? Results.Ok(check)
        : Problems.NotFound("Credit check", contractId))
    .WithTags("Credit");
app.MapGet("/reviews", ManualReviewEndpoints.Pending).WithTags("Credit");
app.MapPost("/checks/{contractId:guid}/review", ManualReviewEndpoints.Decide).WithTags("Credit").RequireOperator();

app.Run();

public partial class Program;
