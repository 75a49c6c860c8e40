using FluentAssertions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using WaaS.ServiceDefaults.Tests.Hosting;
using WaaS.Testing;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Messaging;

/// <summary>A started host with the defaults (WAAS_RABBIT_QUORUM unset): one durable endpoint and one throw-away one.</summary>
public sealed class QuorumHost : DefaultsHost, Xunit.IAsyncLifetime
{
    public string Durable => $"{ServiceName}-quorum-probe";

    public string ThrowawayQueue => $"{ServiceName}-throwaway-probe";

    public Deliveries Deliveries { get; } = new();

    protected override bool Starts => true;

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ProbeLog>();
        // The tests ask the broker about the queues, so they must be declared before the first test runs.
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
    }

    protected override void ConfigureBus(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<InboxProbeConsumer>().Endpoint(e => e.Name = Durable);
        bus.AddConsumer<ThrowawayProbeConsumer>().Endpoint(e => Throwaway(e, ThrowawayQueue));
    }

    protected override void Built(Microsoft.Extensions.Hosting.IHost host) => host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Deliveries);

    /// <summary>A channel on the test vhost, straight to the broker (no MassTransit in between).</summary>
    public static async Task<IConnection> ConnectAsync()
    {
        static string Env(string key, string fallback) => Environment.GetEnvironmentVariable(key) is { Length: > 0 } v ? v : fallback;
        var factory = new ConnectionFactory
        {
            HostName = Env("WAAS_RABBIT_HOST", "localhost"),
            Port = int.Parse(Env("WAAS_RABBIT_PORT", "5672")),
            UserName = Env("WAAS_RABBIT_USER", "waas"),
            Password = Env("WAAS_RABBIT_PASSWORD", "waas"),
            VirtualHost = VirtualHost,
        };
        return await factory.CreateConnectionAsync();
    }

    /// <summary>The durable queues this fixture left behind are deleted with it (they are not auto-deleted).</summary>
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await using var connection = await ConnectAsync();
        foreach (var queue in new[] { Durable, $"{Durable}_error", $"{Durable}_skipped" })
        {
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(queue);
        }
    }
}

public sealed record ThrowawayProbe(Guid Id);

public sealed class ThrowawayProbeConsumer : IConsumer<ThrowawayProbe>
{
    public Task Consume(ConsumeContext<ThrowawayProbe> context) => Task.CompletedTask;
}

public sealed record NobodyConsumesThis(Guid Id);

/// <summary>
/// By default every durable queue a service declares is a quorum queue — its receive queue, its <c>_error</c> and its
/// <c>_skipped</c> queue — while temporary queues stay classic (quorum queues cannot be auto-deleted or exclusive).
/// Asked of the real broker over AMQP: a quorum queue accepts a redeclaration as a quorum queue, a classic one refuses
/// it with PRECONDITION_FAILED.
/// </summary>
public sealed class QuorumQueueTests(QuorumHost host) : IClassFixture<QuorumHost>
{
    [Fact]
    public async Task A_service_receive_queue_is_a_quorum_queue()
    {
        (await IsQuorumAsync(host.Durable)).Should().BeTrue();

        var messageId = NewId.NextGuid();
        var endpoint = await host.Host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{host.Durable}"));
        await endpoint.Send(new InboxProbe(Guid.NewGuid()), ctx => ctx.MessageId = messageId);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Deliveries.Done(messageId) == 1), "the quorum queue delivered the message");
    }

    [Fact]
    public async Task A_message_that_keeps_failing_lands_in_an_error_queue_that_is_a_quorum_queue()
    {
        // Fails more often than the retry policy tries (six attempts over about 14 s), so it is moved to _error.
        var endpoint = await host.Host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{host.Durable}"));
        await endpoint.Send(new InboxProbe(Guid.NewGuid(), FailTimes: 100));

        await Eventually.HoldsAsync(async () => await ExistsAsync($"{host.Durable}_error"), "the failing message was moved to the error queue",
            TimeSpan.FromSeconds(40));
        (await IsQuorumAsync($"{host.Durable}_error")).Should().BeTrue();
        (await MessagesInAsync($"{host.Durable}_error")).Should().Be(1);
    }

    [Fact]
    public async Task A_message_the_endpoint_does_not_consume_lands_in_a_skipped_queue_that_is_a_quorum_queue()
    {
        var endpoint = await host.Host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{host.Durable}"));
        await endpoint.Send(new NobodyConsumesThis(Guid.NewGuid()));

        await Eventually.HoldsAsync(async () => await ExistsAsync($"{host.Durable}_skipped"), "the unconsumed message was moved to the skipped queue");
        (await IsQuorumAsync($"{host.Durable}_skipped")).Should().BeTrue();
    }

    [Fact]
    public async Task Throwaway_and_temporary_endpoints_stay_classic_and_still_deliver()
    {
        (await IsQuorumAsync(host.ThrowawayQueue)).Should().BeFalse("a quorum queue can be neither auto-deleted nor exclusive");
        var messageId = NewId.NextGuid();
        await host.SendAsync(host.ThrowawayQueue, new ThrowawayProbe(Guid.NewGuid()), messageId);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Deliveries.Done(messageId) == 1), "the throw-away endpoint delivered");

        // What ServiceApi.ObserveAsync does: a temporary endpoint connected to the running bus.
        var bus = host.Host.Services.GetRequiredService<IBus>();
        var seen = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), null,
            e => e.Handler<ThrowawayProbe>(ctx => { seen.TrySetResult(ctx.Message.Id); return Task.CompletedTask; }));
        var ready = await handle.Ready;
        try
        {
            var temporaryQueue = ready.InputAddress.AbsolutePath.Split('/')[^1];
            (await IsQuorumAsync(temporaryQueue)).Should().BeFalse("a temporary endpoint's queue is auto-deleted");
            var id = Guid.NewGuid();
            await (await bus.GetSendEndpoint(ready.InputAddress)).Send(new ThrowawayProbe(id));
            (await seen.Task.WaitAsync(TimeSpan.FromSeconds(15))).Should().Be(id);
        }
        finally
        {
            await handle.StopAsync();
        }
    }

    /// <summary>
    /// Whether the broker holds <paramref name="queue"/> as a quorum queue: it accepts a redeclaration as one (a classic
    /// queue refuses it with PRECONDITION_FAILED, a classic exclusive one with RESOURCE_LOCKED).
    /// </summary>
    private async Task<bool> IsQuorumAsync(string queue)
    {
        (await ExistsAsync(queue)).Should().BeTrue($"queue {queue} exists");
        return await AcceptsAsync(queue, durable: true, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
    }

    private async Task<bool> AcceptsAsync(string queue, bool durable, bool autoDelete, IDictionary<string, object?>? arguments)
    {
        // A connection per question: the broker closes the channel on a refusal.
        await using var broker = await QuorumHost.ConnectAsync();
        await using var channel = await broker.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(queue, durable, exclusive: false, autoDelete, arguments);
            return true;
        }
        catch (OperationInterruptedException refused) when (refused.ShutdownReason?.ReplyCode is 405 or 406)
        {
            return false;
        }
    }

    private async Task<bool> ExistsAsync(string queue)
    {
        // A connection per question: the broker closes the channel on a refusal.
        await using var broker = await QuorumHost.ConnectAsync();
        await using var channel = await broker.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == 404)
        {
            return false;
        }
        catch (OperationInterruptedException locked) when (locked.ShutdownReason?.ReplyCode == 405)
        {
            return true; // exclusive to the connection that declared it
        }
    }

    private async Task<uint> MessagesInAsync(string queue)
    {
        // A connection per question: the broker closes the channel on a refusal.
        await using var broker = await QuorumHost.ConnectAsync();
        await using var channel = await broker.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }
}
