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

/// <summary>A started host whose bus (RabbitMQ, API-test vhost) runs the probe consumer on an auto-deleted queue.</summary>
public sealed class InboxHost : DefaultsHost
{
    public string Queue => $"{ServiceName}-inbox-probe";

    public Deliveries Deliveries { get; } = new();

    public ProbeLog Log => Host.Services.GetRequiredService<ProbeLog>();

    protected override bool Starts => true;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ProbeLog>();

    protected override void ConfigureBus(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<InboxProbeConsumer>().Endpoint(e => Throwaway(e, Queue));

    protected override void Built(IHost host) => host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Deliveries);
}

/// <summary>The unit-of-work filter: inbox marker, the consumer's writes and its outbox messages commit together, once.</summary>
public sealed class UnitOfWorkFilterTests(InboxHost host) : IClassFixture<InboxHost>
{
    [Fact]
    public async Task A_redelivered_message_changes_nothing()
    {
        var stream = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        await host.SendAsync(host.Queue, new InboxProbe(stream), messageId);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Deliveries.Done(messageId) == 1), "the first delivery was handled");
        await host.SendAsync(host.Queue, new InboxProbe(stream), messageId);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Deliveries.Done(messageId) == 2), "the redelivery went through the pipeline");

        (await EventsAsync(stream)).Should().ContainSingle();
        host.Log.Attempts(stream).Should().Be(1, "the redelivery is acknowledged without running the consumer");
        var marker = (await MarkersAsync(messageId)).Should().ContainSingle().Subject;
        marker.Id.Should().Be($"{DefaultsHost.VirtualHost}/{host.Queue}:{messageId}",
            "a marker is per endpoint and message");
        marker.HandledAt.Should().Be(DefaultsHost.Start, "markers are stamped by the injected clock, which pruning reads");
    }

    [Fact]
    public async Task Two_deliveries_of_one_message_at_once_take_effect_once()
    {
        var stream = Guid.NewGuid();
        var messageId = NewId.NextGuid();

        await Task.WhenAll(
            host.SendAsync(host.Queue, new InboxProbe(stream), messageId),
            host.SendAsync(host.Queue, new InboxProbe(stream), messageId));
        await Eventually.HoldsAsync(() => Task.FromResult(host.Deliveries.Done(messageId) == 2), "both deliveries went through the pipeline");

        (await EventsAsync(stream)).Should().ContainSingle();
        (await MarkersAsync(messageId)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_consumer_that_throws_leaves_neither_its_writes_nor_the_marker_and_its_retry_commits_alone()
    {
        var stream = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        var hold = host.Log.Hold(stream);

        await host.SendAsync(host.Queue, new InboxProbe(stream, FailTimes: 2, Held: true), messageId);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Log.Attempts(stream) == 3), "the two failed attempts were retried");

        // The third attempt waits: what the two failed ones wrote must be gone, marker included.
        (await EventsAsync(stream)).Should().BeEmpty();
        (await MarkersAsync(messageId)).Should().BeEmpty();

        hold.SetResult();
        await Eventually.HoldsAsync(() => Task.FromResult(host.Deliveries.Done(messageId) == 1), "the third attempt was handled");
        (await EventsAsync(stream)).Should().ContainSingle().Which.Attempt.Should().Be(3, "nothing of the failed attempts rides along with the retry");
        (await MarkersAsync(messageId)).Should().ContainSingle();
    }

    private async Task<IReadOnlyList<ProbeHandled>> EventsAsync(Guid stream)
    {
        await using var query = host.Store.QuerySession();
        return [.. (await query.Events.FetchStreamAsync(stream)).Select(e => (ProbeHandled)e.Data)];
    }

    private async Task<IReadOnlyList<InboxMarker>> MarkersAsync(Guid messageId)
    {
        await using var query = host.Store.QuerySession();
        var suffix = $":{messageId}";
        return await query.Query<InboxMarker>().Where(m => m.Id.EndsWith(suffix)).ToListAsync();
    }
}
