using MassTransit;
using MassTransit.RabbitMqTransport;
using MassTransit.RabbitMqTransport.Configuration;

namespace WaaS.ServiceDefaults.Messaging;

/// <summary>
/// Makes every durable queue a RabbitMQ quorum queue: receive endpoints once they are fully configured, and their
/// <c>_error</c> and <c>_skipped</c> queues when MassTransit declares them. Temporary queues (the bus's own response
/// queue, <c>ConnectReceiveEndpoint</c> with a temporary definition, auto-deleted test endpoints) stay classic, since a
/// quorum queue can be neither exclusive nor auto-deleted nor transient.
/// </summary>
internal sealed class QuorumQueues : IEndpointConfigurationObserver
{
    /// <summary>The queue type argument RabbitMQ reads.</summary>
    public const string QueueTypeArgument = "x-queue-type";

    public void EndpointConfigured<T>(T configurator) where T : IReceiveEndpointConfigurator
    {
        if (configurator is IRabbitMqReceiveEndpointConfiguration { Settings: var settings } endpoint && Replicable(settings))
        {
            ((IRabbitMqReceiveEndpointConfigurator)endpoint).SetQuorumQueue();
        }
    }

    /// <summary>For <c>ConfigureErrorSettings</c> / <c>ConfigureDeadLetterSettings</c>: quorum when the queue may be one.</summary>
    public static void Apply(IRabbitMqQueueBindingConfigurator queue)
    {
        if (queue is not EntitySettings settings || Replicable(settings))
        {
            queue.SetQuorumQueue();
        }
    }

    private static bool Replicable(EntitySettings settings) =>
        settings.Durable && !settings.AutoDelete && settings is not ReceiveSettings { Exclusive: true };
}
