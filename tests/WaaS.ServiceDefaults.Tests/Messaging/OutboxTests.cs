using System.Text.Json;
using FluentAssertions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Tests.Hosting;
using WaaS.ServiceDefaults.Writes;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Messaging;

/// <summary>The outbox stores a message in the session of its cause: it commits with it, or not at all.</summary>
public sealed class OutboxTests(StoreHost host) : IClassFixture<StoreHost>
{
    [Fact]
    public async Task A_message_published_in_a_committed_session_is_stored_under_its_stable_name()
    {
        var contractId = Guid.NewGuid();
        var message = new ContractEndingSoon(contractId, Guid.NewGuid(), new DateOnly(2026, 6, 30), 30, DefaultsHost.Start);

        await using (var scope = host.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(message);
            await scope.ServiceProvider.GetRequiredService<IDocumentSession>().SaveChangesAsync();
        }

        var row = (await host.OutboxRowsAsync(contractId)).Should().ContainSingle().Subject;
        row.MessageType.Should().Be("urn:message:WaaS.Contracts:ContractEndingSoon");
        row.MessageType.Should().NotContain("Version=").And.NotContain(",", "an assembly-qualified name would strand the row on a rename");
        row.Id.Should().NotBeEmpty();
        row.CreatedAt.Should().Be(DefaultsHost.Start, "the outbox stamps rows by the injected clock");
        JsonSerializer.Deserialize<ContractEndingSoon>(row.Body, JsonSerializerOptions.Web).Should().Be(message);
    }

    [Fact]
    public async Task Messages_of_one_session_are_stored_in_the_order_they_were_published()
    {
        var marker = Guid.NewGuid();
        await using (var scope = host.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            outbox.Publish(new TallyReached(marker, 1));
            outbox.Publish(new TallyReached(marker, 2));
            outbox.Publish(new TallyReached(marker, 3));
            await scope.ServiceProvider.GetRequiredService<IDocumentSession>().SaveChangesAsync();
        }

        var rows = await host.OutboxRowsAsync(marker);
        rows.OrderBy(r => r.Sequence).Select(r => JsonSerializer.Deserialize<TallyReached>(r.Body, JsonSerializerOptions.Web)!.Count)
            .Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task A_message_whose_session_is_never_committed_leaves_no_row()
    {
        var marker = Guid.NewGuid();
        await using (var scope = host.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(new TallyReached(marker, 1));
            scope.ServiceProvider.GetRequiredService<IDocumentSession>().PendingChanges.InsertsFor<OutboxMessage>()
                .Should().ContainSingle("the message waits in the session for its commit");
        }

        (await host.OutboxRowsAsync(marker)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_message_whose_commit_fails_on_a_concurrency_conflict_leaves_no_row_and_no_events()
    {
        var tally = Guid.NewGuid();
        await using (var setup = host.Store.LightweightSession())
        {
            setup.Events.StartStream<Tally>(tally, new TallyOpened(tally));
            await setup.SaveChangesAsync();
        }

        await using var scope = host.Scope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var stream = await session.Events.FetchForWriting<Tally>(tally);
        stream.AppendOne(new TallyCounted(5));
        scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(new TallyReached(tally, 5));

        // A rival writer moves the stream on between this session's read and its commit.
        await using (var rival = host.Store.LightweightSession())
        {
            rival.Events.Append(tally, new TallyCounted(1));
            await rival.SaveChangesAsync();
        }

        var commit = () => session.SaveChangesAsync();
        var thrown = await commit.Should().ThrowAsync<Exception>();
        StreamWrites.IsConcurrencyConflict(thrown.Which).Should().BeTrue($"{thrown.Which.GetType()} should be a concurrency conflict");

        (await host.OutboxRowsAsync(tally)).Should().BeEmpty("the message commits with its cause or not at all");
        (await host.StreamVersionAsync(tally)).Should().Be(2, "only the rival's event was appended");
    }
}
