using FluentAssertions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;
using WaaS.ServiceDefaults.Tests.Hosting;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Writes;

/// <summary>The one write pipeline: fetch → decide → stage events, outbox messages and schedules → one commit.</summary>
public sealed class StreamWritesTests(StoreHost host) : IClassFixture<StoreHost>
{
    private static readonly Refusal Closed = Refusal.Conflict("TallyClosed", "The tally is closed.");

    [Fact]
    public async Task A_decision_commits_its_events_messages_and_schedules_together()
    {
        var tally = await OpenedTallyAsync();
        var due = DefaultsHost.Start.AddDays(7);

        await using var scope = host.Scope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var staged = await StageAsync(scope, tally, 1, current =>
            Decision.Append(new TallyCounted(3), new TallyCounted(4))
                .AndPublish(new TallyReached(tally, current!.Count + 7))
                .AndSchedule($"remind:{tally}", new TallyReminder(tally), due));

        staged.Version.Should().Be(3);
        (await host.StreamVersionAsync(tally)).Should().Be(1, "nothing is written before the commit");
        (await host.OutboxRowsAsync(tally)).Should().BeEmpty();
        (await ScheduleAsync($"remind:{tally}")).Should().BeNull();

        await session.SaveChangesAsync();

        (await host.StreamVersionAsync(tally)).Should().Be(3);
        await using var query = host.Store.QuerySession();
        (await query.LoadAsync<Tally>(tally)).Should().BeEquivalentTo(new { Count = 7, Version = 3L }, "the inline snapshot commits with its events");
        var row = (await host.OutboxRowsAsync(tally)).Should().ContainSingle().Subject;
        row.MessageType.Should().Be(MessageNames.Of(typeof(TallyReached)));
        row.Body.Should().Contain("\"count\":7");
        var schedule = (await ScheduleAsync($"remind:{tally}"))!;
        schedule.Should().NotBeNull();
        schedule.DueAt.Should().Be(due);
        schedule.MessageType.Should().Be("urn:message:WaaS.ServiceDefaults.Tests.Hosting:TallyReminder");
        schedule.ScheduledAt.Should().Be(DefaultsHost.Start);
    }

    [Fact]
    public async Task A_refusal_stages_nothing_even_when_it_carries_messages()
    {
        var tally = await OpenedTallyAsync();

        await using var scope = host.Scope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var staged = await StageAsync(scope, tally, 1, _ =>
            Decision.Refuse(Closed).AndPublish(new TallyReached(tally, 1)).AndSchedule($"remind:{tally}", new TallyReminder(tally), DefaultsHost.Start));

        staged.Decision.Refused.Should().Be(Closed);
        staged.Version.Should().Be(1);
        // FetchForWriting leaves a version check on the stream (harmless); no event may be staged.
        session.PendingChanges.Streams().SelectMany(s => s.Events).Should().BeEmpty();
        session.PendingChanges.InsertsFor<OutboxMessage>().Should().BeEmpty();
        session.PendingChanges.AllChangedFor<ScheduledMessage>().Should().BeEmpty();

        await session.SaveChangesAsync();
        (await host.StreamVersionAsync(tally)).Should().Be(1);
        (await host.OutboxRowsAsync(tally)).Should().BeEmpty();
        (await ScheduleAsync($"remind:{tally}")).Should().BeNull();
    }

    [Fact]
    public async Task A_stream_that_moved_on_since_its_expected_version_fails_the_commit_with_a_recognised_concurrency_conflict()
    {
        var tally = await OpenedTallyAsync();

        await using var scope = host.Scope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        await StageAsync(scope, tally, 1, _ => Decision.Append(new TallyCounted(1)).AndPublish(new TallyReached(tally, 1)));
        await using (var rival = host.Store.LightweightSession())
        {
            rival.Events.Append(tally, new TallyCounted(100));
            await rival.SaveChangesAsync();
        }

        var commit = () => session.SaveChangesAsync();
        var thrown = await commit.Should().ThrowAsync<Exception>();
        StreamWrites.IsConcurrencyConflict(thrown.Which).Should().BeTrue($"{thrown.Which.GetType()}: {thrown.Which.Message}");
        (await host.StreamVersionAsync(tally)).Should().Be(2, "only the rival's event is in");
        (await host.OutboxRowsAsync(tally)).Should().BeEmpty("the loser's message goes with its events");
    }

    [Fact]
    public async Task An_expected_version_that_is_already_stale_is_a_recognised_concurrency_conflict()
    {
        var tally = await OpenedTallyAsync();
        await using (var rival = host.Store.LightweightSession())
        {
            rival.Events.Append(tally, new TallyCounted(100));
            await rival.SaveChangesAsync();
        }

        await using var scope = host.Scope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var write = async () =>
        {
            await StageAsync(scope, tally, 1, _ => Decision.Append(new TallyCounted(1)).AndPublish(new TallyReached(tally, 1)));
            await session.SaveChangesAsync();
        };

        var thrown = await write.Should().ThrowAsync<Exception>();
        StreamWrites.IsConcurrencyConflict(thrown.Which).Should().BeTrue($"{thrown.Which.GetType()}: {thrown.Which.Message}");
        (await host.StreamVersionAsync(tally)).Should().Be(2);
        (await host.OutboxRowsAsync(tally)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_new_stream_is_started_by_a_decision_on_nothing()
    {
        var tally = Guid.NewGuid();

        await using var scope = host.Scope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var staged = await StageAsync(scope, tally, null, current =>
            current is null ? Decision.Append(new TallyOpened(tally), new TallyCounted(2)) : Decision.Refuse(Closed));
        await session.SaveChangesAsync();

        staged.Version.Should().Be(2);
        await using var query = host.Store.QuerySession();
        (await query.LoadAsync<Tally>(tally)).Should().BeEquivalentTo(new { Id = tally, Count = 2, Version = 2L });
    }

    [Fact]
    public async Task AndStart_starts_a_second_stream_in_the_same_commit()
    {
        var tally = await OpenedTallyAsync();
        var successor = Guid.NewGuid();

        await using var scope = host.Scope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        await StageAsync(scope, tally, 1, _ => Decision.Append(new TallyCounted(1)).AndStart(successor, new TallyOpened(successor), new TallyCounted(9)));
        (await host.StreamVersionAsync(successor)).Should().Be(0);

        await session.SaveChangesAsync();

        (await host.StreamVersionAsync(tally)).Should().Be(2);
        (await host.StreamVersionAsync(successor)).Should().Be(2);
        await using var query = host.Store.QuerySession();
        (await query.LoadAsync<Tally>(successor)).Should().BeEquivalentTo(new { Id = successor, Count = 9 });
    }

    [Fact]
    public async Task AndStart_of_a_stream_that_exists_fails_the_whole_commit_as_a_concurrency_conflict()
    {
        var tally = await OpenedTallyAsync();
        var taken = await OpenedTallyAsync();

        await using var scope = host.Scope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        await StageAsync(scope, tally, 1, _ => Decision.Append(new TallyCounted(1)).AndStart(taken, new TallyOpened(taken)).AndPublish(new TallyReached(tally, 1)));

        var commit = () => session.SaveChangesAsync();
        var thrown = await commit.Should().ThrowAsync<Exception>();
        StreamWrites.IsConcurrencyConflict(thrown.Which).Should().BeTrue($"{thrown.Which.GetType()}: {thrown.Which.Message}");
        (await host.StreamVersionAsync(tally)).Should().Be(1, "the decided stream's events go with the failed start");
        (await host.StreamVersionAsync(taken)).Should().Be(1);
        (await host.OutboxRowsAsync(tally)).Should().BeEmpty();
    }

    [Fact]
    public async Task AndAppend_appends_to_another_stream_only_at_its_known_version()
    {
        var tally = await OpenedTallyAsync();
        var other = await OpenedTallyAsync();

        await using (var scope = host.Scope())
        {
            await StageAsync(scope, tally, 1, _ => Decision.Append(new TallyCounted(1)).AndAppend(other, 1, new TallyCounted(5)));
            await scope.ServiceProvider.GetRequiredService<IDocumentSession>().SaveChangesAsync();
        }
        (await host.StreamVersionAsync(other)).Should().Be(2);

        await using (var scope = host.Scope())
        {
            // The other stream is at 2 now, not at 1 as this decision believes.
            await StageAsync(scope, tally, 2, _ => Decision.Append(new TallyCounted(1)).AndAppend(other, 1, new TallyCounted(5)));
            var commit = () => scope.ServiceProvider.GetRequiredService<IDocumentSession>().SaveChangesAsync();
            var thrown = await commit.Should().ThrowAsync<Exception>();
            StreamWrites.IsConcurrencyConflict(thrown.Which).Should().BeTrue($"{thrown.Which.GetType()}: {thrown.Which.Message}");
        }
        (await host.StreamVersionAsync(tally)).Should().Be(2);
        (await host.StreamVersionAsync(other)).Should().Be(2);
    }

    private static Task<Staged> StageAsync(AsyncServiceScope scope, Guid id, long? expectedVersion, Func<Tally?, Decision> decide)
    {
        var services = scope.ServiceProvider;
        return services.GetRequiredService<IDocumentSession>().StageAsync(id, expectedVersion, decide,
            services.GetRequiredService<IOutbox>(), services.GetRequiredService<IDurableScheduler>(), CancellationToken.None);
    }

    private async Task<Guid> OpenedTallyAsync()
    {
        var id = Guid.NewGuid();
        await using var session = host.Store.LightweightSession();
        session.Events.StartStream<Tally>(id, new TallyOpened(id));
        await session.SaveChangesAsync();
        return id;
    }

    private async Task<ScheduledMessage?> ScheduleAsync(string key)
    {
        await using var query = host.Store.QuerySession();
        return await query.LoadAsync<ScheduledMessage>(key);
    }
}
