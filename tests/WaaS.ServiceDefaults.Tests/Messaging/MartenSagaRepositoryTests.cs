using FluentAssertions;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Tests.Hosting;
using WaaS.Testing;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Messaging;

/// <summary>Saga state as <c>AddSagaState</c> maps it: a document with optimistic concurrency.</summary>
public sealed class SagaStateTests(StoreHost host) : IClassFixture<StoreHost>
{
    [Fact]
    public async Task A_concurrent_saga_update_loses_with_a_concurrency_error_and_the_first_update_stands()
    {
        var id = await SagaAsync();
        await using var first = host.Store.LightweightSession();
        await using var second = host.Store.LightweightSession();
        var mine = (await first.LoadAsync<ApprovalSaga>(id))!;
        var theirs = (await second.LoadAsync<ApprovalSaga>(id))!;

        mine.Approvals = 1;
        mine.LastApprover = "first";
        first.Update(mine);
        await first.SaveChangesAsync();
        theirs.Approvals = 1;
        theirs.LastApprover = "second";
        second.Update(theirs);
        var commit = () => second.SaveChangesAsync();

        // Marten's optimistic-concurrency error, which the services' retry policy heals by reloading the saga.
        await commit.Should().ThrowAsync<JasperFx.ConcurrencyException>();
        (await StoredAsync(id)).Should().BeEquivalentTo(new { Approvals = 1, LastApprover = "first" });
    }

    [Fact]
    public async Task Two_first_messages_racing_for_one_saga_cannot_both_insert_it()
    {
        var id = Guid.NewGuid();
        await using var first = host.Store.LightweightSession();
        await using var second = host.Store.LightweightSession();
        first.Insert(new ApprovalSaga { CorrelationId = id, CurrentState = "Open", LastApprover = "first" });
        second.Insert(new ApprovalSaga { CorrelationId = id, CurrentState = "Open", LastApprover = "second" });

        await first.SaveChangesAsync();
        var commit = () => second.SaveChangesAsync();

        await commit.Should().ThrowAsync<JasperFx.DocumentAlreadyExistsException>();
        (await StoredAsync(id)).Should().BeEquivalentTo(new { LastApprover = "first" });
    }

    private async Task<Guid> SagaAsync()
    {
        var id = Guid.NewGuid();
        await using var session = host.Store.LightweightSession();
        session.Insert(new ApprovalSaga { CorrelationId = id, CurrentState = "Open" });
        await session.SaveChangesAsync();
        return id;
    }

    private async Task<ApprovalSaga?> StoredAsync(Guid id)
    {
        await using var query = host.Store.QuerySession();
        return await query.LoadAsync<ApprovalSaga>(id);
    }
}

/// <summary>A started host running the approval saga on <c>MartenRepository</c>, on an auto-deleted queue.</summary>
public sealed class SagaHost : DefaultsHost
{
    public string Queue => $"{ServiceName}-approval";

    public ApprovalGate Gate => Host.Services.GetRequiredService<ApprovalGate>();

    public Deliveries Deliveries { get; } = new();

    protected override bool Starts => true;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ApprovalGate>();

    protected override void Built(IHost host) => host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Deliveries);

    protected override void ConfigureBus(IBusRegistrationConfigurator bus) =>
        bus.AddSagaStateMachine<ApprovalStateMachine, ApprovalSaga>()
            .MartenRepository()
            .Endpoint(e => Throwaway(e, Queue));
}

/// <summary>The Marten saga repository on the real bus.</summary>
public sealed class MartenSagaRepositoryTests(SagaHost host) : IClassFixture<SagaHost>
{
    [Fact]
    public async Task Two_messages_updating_one_saga_at_once_lose_no_update_the_loser_is_retried_on_the_new_state()
    {
        var id = Guid.NewGuid();
        await host.SendAsync(host.Queue, new ApprovalOpened(id), NewId.NextGuid());
        await Eventually.HoldsAsync(async () => await StoredAsync(id) is not null, "the saga was created");

        await Task.WhenAll(
            host.SendAsync(host.Queue, new ApprovalGiven(id, "anna"), NewId.NextGuid()),
            host.SendAsync(host.Queue, new ApprovalGiven(id, "bram"), NewId.NextGuid()));

        await Eventually.HoldsAsync(async () => (await StoredAsync(id))?.Approvals == 2, "both approvals counted");
        host.Gate.Arrivals(id).Should().Be(3, "both loaded the same version; the loser's update failed and its retry ran again");
        var saga = (await StoredAsync(id))!;
        saga.CurrentState.Should().Be("Open");
        saga.LastApprover.Should().BeOneOf("anna", "bram");
    }

    [Fact]
    public async Task A_redelivered_first_message_does_not_create_the_saga_twice_or_reset_it()
    {
        var id = Guid.NewGuid();
        var opened = NewId.NextGuid();
        await host.SendAsync(host.Queue, new ApprovalOpened(id), opened);
        await Eventually.HoldsAsync(async () => await StoredAsync(id) is not null, "the saga was created");
        await host.SendAsync(host.Queue, new ApprovalGiven(id, "anna"), NewId.NextGuid());
        await Eventually.HoldsAsync(async () => (await StoredAsync(id))?.Approvals == 1, "the approval counted");

        // Redelivered while the saga is Open, where Opened is not expected: without the inbox it would fault.
        await host.SendAsync(host.Queue, new ApprovalOpened(id), opened);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Deliveries.Done(opened) == 2), "the redelivery went through the pipeline");

        (await StoredAsync(id)).Should().BeEquivalentTo(new { CurrentState = "Open", Approvals = 1, LastApprover = "anna" });
        await using var query = host.Store.QuerySession();
        (await query.Query<InboxMarker>().Where(m => m.Id.EndsWith(opened.ToString())).CountAsync()).Should().Be(1);
    }

    private async Task<ApprovalSaga?> StoredAsync(Guid id)
    {
        await using var query = host.Store.QuerySession();
        return await query.LoadAsync<ApprovalSaga>(id);
    }
}
