using FluentAssertions;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Weasel.Core;
using WaaS.Contracting.RentalContracts.Ending;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Persistence;
using WaaS.ServiceDefaults.Scheduling;
using Xunit;

namespace WaaS.Contracting.Tests;

/// <summary>The Marten scheduler against the real PostgreSQL, in a schema of its own per test class run.</summary>
public sealed class DurableSchedulerTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private readonly string _schema = $"sched_{Guid.NewGuid():N}"[..20];
    private DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        var connection = $"Host={Env("WAAS_PG_HOST", "localhost")};Port={Env("WAAS_PG_PORT", "5432")};Username={Env("WAAS_PG_USER", "waas")};" +
                         $"Password={Env("WAAS_PG_PASSWORD", "waas")};Database={Env("WAAS_PG_DATABASE", "waas_test")}";
        _store = DocumentStore.For(options =>
        {
            options.Connection(connection);
            options.DatabaseSchemaName = _schema;
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Schema.For<OutboxMessage>();
            options.AddScheduling();
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await using (var session = _store.LightweightSession())
        {
            session.QueueSqlCommand($"drop schema if exists {_schema} cascade");
            await session.SaveChangesAsync();
        }
        _store.Dispose();
    }

    private ScheduledMessageDispatcher Instance() => new(_store, _clock, NullLogger<ScheduledMessageDispatcher>.Instance);

    private async Task ScheduleAsync(int count, TimeSpan from, string prefix)
    {
        await using var session = _store.LightweightSession();
        var scheduler = new MartenDurableScheduler(session, _clock);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            scheduler.Schedule($"{prefix}:{i}", new EndOfTermReached(id, _clock.Today), _clock.GetUtcNow() + from);
        }
        await session.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<OutboxMessage>> OutboxAsync()
    {
        await using var session = _store.QuerySession();
        return await session.Query<OutboxMessage>().ToListAsync();
    }

    [Fact]
    public async Task A_message_is_not_published_before_it_is_due_by_the_injected_clock()
    {
        await ScheduleAsync(3, TimeSpan.FromDays(30), "later");

        (await Instance().DispatchDueAsync(CancellationToken.None)).Should().Be(0);
        _clock.Advance(TimeSpan.FromDays(29));
        (await Instance().DispatchDueAsync(CancellationToken.None)).Should().Be(0);
        _clock.Advance(TimeSpan.FromDays(1));
        (await Instance().DispatchDueAsync(CancellationToken.None)).Should().Be(3);

        var outbox = await OutboxAsync();
        outbox.Should().HaveCount(3);
        outbox.Should().OnlyContain(m => m.MessageType == WaaS.ServiceDefaults.Messaging.MessageNames.Of(typeof(EndOfTermReached)), "the stored name is the stable message URN");
    }

    [Fact]
    public async Task Due_messages_fire_exactly_once_with_two_instances_polling_together()
    {
        await ScheduleAsync(250, TimeSpan.FromHours(1), "due");
        await ScheduleAsync(10, TimeSpan.FromHours(5), "not-yet");
        _clock.Advance(TimeSpan.FromHours(2));
        var first = Instance();
        var second = Instance();

        var fired = await Task.WhenAll(
            first.DispatchDueAsync(CancellationToken.None), second.DispatchDueAsync(CancellationToken.None),
            first.DispatchDueAsync(CancellationToken.None), second.DispatchDueAsync(CancellationToken.None));

        fired.Sum().Should().Be(250);
        var outbox = await OutboxAsync();
        outbox.Should().HaveCount(250);
        outbox.Select(m => m.Body).Distinct().Should().HaveCount(250, "no message was published twice");
        await using var session = _store.QuerySession();
        (await session.Query<ScheduledMessage>().CountAsync()).Should().Be(10);
    }

    [Fact]
    public async Task Scheduling_a_key_again_moves_the_deadline_and_cancelling_drops_it()
    {
        await using (var session = _store.LightweightSession())
        {
            var scheduler = new MartenDurableScheduler(session, _clock);
            scheduler.Schedule("moved", new EndOfTermReached(Guid.NewGuid(), _clock.Today), _clock.GetUtcNow() + TimeSpan.FromDays(1));
            scheduler.Schedule("dropped", new EndOfTermReached(Guid.NewGuid(), _clock.Today), _clock.GetUtcNow() + TimeSpan.FromDays(1));
            await session.SaveChangesAsync();
        }
        await using (var session = _store.LightweightSession())
        {
            var scheduler = new MartenDurableScheduler(session, _clock);
            scheduler.Schedule("moved", new EndOfTermReached(Guid.NewGuid(), _clock.Today), _clock.GetUtcNow() + TimeSpan.FromDays(90));
            scheduler.Cancel("dropped");
            await session.SaveChangesAsync();
        }

        _clock.Advance(TimeSpan.FromDays(2));
        (await Instance().DispatchDueAsync(CancellationToken.None)).Should().Be(0);
        _clock.Advance(TimeSpan.FromDays(90));
        (await Instance().DispatchDueAsync(CancellationToken.None)).Should().Be(1);
    }

    [Fact]
    public async Task A_schedule_whose_session_never_commits_does_not_exist()
    {
        await using (var session = _store.LightweightSession())
        {
            new MartenDurableScheduler(session, _clock).Schedule("rolled-back", new EndOfTermReached(Guid.NewGuid(), _clock.Today), _clock.GetUtcNow());
        }

        _clock.Advance(TimeSpan.FromDays(1));
        (await Instance().DispatchDueAsync(CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task A_message_falling_due_months_later_is_published_in_the_trace_that_scheduled_it()
    {
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "scheduler-test",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var source = new System.Diagnostics.ActivitySource("scheduler-test");
        string traceId;
        using (var scheduling = source.StartActivity("extend contract"))
        {
            traceId = scheduling!.TraceId.ToHexString();
            await ScheduleAsync(1, TimeSpan.FromDays(90), "traced");
        }

        _clock.Advance(TimeSpan.FromDays(90));
        (await Instance().DispatchDueAsync(CancellationToken.None)).Should().Be(1, "the dispatcher runs outside any activity");

        (await OutboxAsync()).Should().ContainSingle().Which.TraceParent.Should().Contain(traceId);
    }
}
