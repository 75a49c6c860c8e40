using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Contracting.Deals;
using WaaS.Contracting.Deals.Timeline;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contracting.Tests.Branches;

/// <summary>Records what the saga publishes through the outbox (it never talks to the bus directly).</summary>
public sealed class RecordingOutbox(Action<object> onPublish) : IOutbox
{
    private readonly ConcurrentQueue<object> _messages = new();

    public void Publish<T>(T message) where T : class
    {
        _messages.Enqueue(message);
        onPublish(message);
    }

    public IReadOnlyList<T> Of<T>() => [.. _messages.OfType<T>()];
}

/// <summary>Records the durable schedule as the Marten scheduler would hold it: one entry per key.</summary>
public sealed class RecordingScheduler : IDurableScheduler
{
    private readonly ConcurrentDictionary<string, (object Message, DateTimeOffset DueAt)> _schedule = new();

    public void Schedule<T>(string key, T message, DateTimeOffset dueAt) where T : class => _schedule[key] = (message, dueAt);

    public void Cancel(string key) => _schedule.TryRemove(key, out _);

    public DateTimeOffset? DueAt(string key) => _schedule.TryGetValue(key, out var entry) ? entry.DueAt : null;

    public T? Message<T>(string key) where T : class => _schedule.TryGetValue(key, out var entry) ? entry.Message as T : null;
}

/// <summary>The deal state machine on MassTransit's test harness, with the outbox and scheduler recorded.</summary>
public sealed class DealHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private DealHarness(ServiceProvider provider)
    {
        _provider = provider;
        Outbox = new RecordingOutbox(_messagesAboutDeals.Enqueue);
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<DealStateMachine, DealState>();
    }

    private readonly ConcurrentQueue<object> _messagesAboutDeals = new();

    public TestClock Clock { get; } = new();
    public RecordingOutbox Outbox { get; }
    public RecordingScheduler Scheduler { get; } = new();
    public ITestHarness Harness { get; }
    public ISagaStateMachineTestHarness<DealStateMachine, DealState> Saga { get; }
    public DealStateMachine Machine => Saga.StateMachine;

    public static async Task<DealHarness> StartAsync()
    {
        DealHarness? harness = null;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_ => harness!.Clock);
        services.AddSingleton<IOutbox>(_ => harness!.Outbox);
        services.AddSingleton<IDurableScheduler>(_ => harness!.Scheduler);
        services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(1));
            bus.AddSagaStateMachine<DealStateMachine, DealState>().InMemoryRepository();
        });
        harness = new DealHarness(services.BuildServiceProvider(true));
        await harness.Harness.Start();
        return harness;
    }

    public async Task<DealState> InState(Guid id, Func<DealStateMachine, State> state)
    {
        var found = await Saga.Exists(id, state, TimeSpan.FromSeconds(5));
        if (found is null)
        {
            var current = Saga.Sagas.Contains(id)?.CurrentState ?? "(no saga)";
            throw new Xunit.Sdk.XunitException($"Deal {id} did not reach {state(Machine).Name}; it is {current}.");
        }
        return Saga.Sagas.Contains(id)!;
    }

    public Task Publish<T>(T message) where T : class
    {
        _messagesAboutDeals.Enqueue(message);
        return Harness.Bus.Publish(message);
    }

    /// <summary>
    /// The deal's timeline as the read model would show it: every message the test published and the saga published
    /// about the deal, folded in order through the timeline's own steps.
    /// </summary>
    public DealTimeline Timeline(Guid id)
    {
        var timeline = new DealTimeline { Id = id };
        foreach (var message in _messagesAboutDeals.Where(m => DealOf(m) == id))
        {
            typeof(DealTimelineSteps).GetMethod(nameof(DealTimelineSteps.When), [typeof(DealTimeline), message.GetType()])?.Invoke(null, [timeline, message]);
        }
        return timeline;
    }

    /// <summary>Waits for the deal to reach <paramref name="state"/>, then reads its timeline.</summary>
    public async Task<DealTimeline> TimelineIn(Guid id, Func<DealStateMachine, State> state)
    {
        await InState(id, state);
        await Harness.InactivityTask;
        return Timeline(id);
    }

    private static Guid? DealOf(object message) => message switch
    {
        SuccessorLinked linked => linked.PredecessorId,
        _ => message.GetType().GetProperty("ContractId")?.GetValue(message) as Guid?,
    };

    /// <summary>A signed 12-month deal of one device line (optionally a successor with its devices due by a day).</summary>
    public async Task<Guid> SignAsync(Guid? predecessor = null, DateOnly? devicesDueBy = null, DateOnly? continuesAfter = null)
    {
        var id = Guid.NewGuid();
        await Publish(new ContractSigned(id, GivenContract.Reseller, new Customer("Muster GmbH", "DE", "DE123", "ap@muster.example"), 12,
            [new DealLine("NB-TP-E14", "ThinkPad E14", "Lenovo", ItemKind.Device, 2, 30m, 120m)],
            new MonthlyAmount(60m, 11.40m, 71.40m), 240m, Clock.GetUtcNow(), predecessor, devicesDueBy, continuesAfter));
        await InState(id, m => m.CheckingCredit);
        return id;
    }

    public async Task<Guid> ApprovedAsync()
    {
        var id = await SignAsync();
        await Publish(new CreditApproved(id, 720m, Clock.GetUtcNow()));
        await InState(id, m => m.AwaitingDispatch);
        return id;
    }

    public async Task<Guid> InTransitAsync()
    {
        var id = await ApprovedAsync();
        await Publish(new ShipmentDispatched(Guid.NewGuid(), id, "DHL", "JJD1", [new ShippedDevice("NB-TP-E14", "SN-1"), new ShippedDevice("NB-TP-E14", "SN-2")],
            Clock.GetUtcNow()));
        await InState(id, m => m.InTransit);
        return id;
    }

    public async Task<Guid> ActiveAsync()
    {
        var id = await InTransitAsync();
        await Publish(new ShipmentDelivered(Guid.NewGuid(), id, Clock.GetUtcNow()));
        await InState(id, m => m.Active);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
