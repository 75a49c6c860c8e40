using FluentAssertions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Tests.Hosting;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Messaging;

public sealed class InboxPrunerTests(StoreHost host) : IClassFixture<StoreHost>
{
    [Fact]
    public async Task Markers_older_than_the_retention_by_the_injected_clock_are_deleted_and_newer_ones_kept()
    {
        var now = host.Clock.GetUtcNow();
        var run = Guid.NewGuid().ToString("N");
        var old = new InboxMarker { Id = $"{run}:old", HandledAt = now - InboxPruner.Retention - TimeSpan.FromMinutes(1) };
        var almost = new InboxMarker { Id = $"{run}:almost", HandledAt = now - InboxPruner.Retention + TimeSpan.FromMinutes(1) };
        var fresh = new InboxMarker { Id = $"{run}:fresh", HandledAt = now - TimeSpan.FromSeconds(5) };
        await using (var session = host.Store.LightweightSession())
        {
            session.Store(old, almost, fresh);
            await session.SaveChangesAsync();
        }
        var pruner = host.Host.Services.GetRequiredService<InboxPruner>();

        (await pruner.PruneAsync(CancellationToken.None)).Should().Be(1);
        (await MarkersAsync(run)).Should().BeEquivalentTo([almost.Id, fresh.Id]);

        // Two minutes later (by the clock the service is given, not the wall clock) the second one is past it too.
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        (await pruner.PruneAsync(CancellationToken.None)).Should().Be(1);
        (await MarkersAsync(run)).Should().BeEquivalentTo([fresh.Id]);
    }

    [Fact]
    public void Markers_are_kept_thirty_days()
    {
        // Issue 9 asks to say which retention: a month, well past any redelivery or replay of a dead-lettered message.
        InboxPruner.Retention.Should().Be(TimeSpan.FromDays(30));
    }

    private async Task<IReadOnlyList<string>> MarkersAsync(string run)
    {
        await using var query = host.Store.QuerySession();
        return await query.Query<InboxMarker>().Where(m => m.Id.StartsWith(run)).Select(m => m.Id).ToListAsync();
    }
}
