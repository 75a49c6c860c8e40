using MassTransit;

namespace WaaS.Contracting.Deals;

/// <summary>
/// Up to eight deals move at once, but one deal's messages one at a time: commission and shipment answer the same
/// approval together, billing and vendor reporting the same activation. Partitioned by CorrelationId (the outbox
/// stamps it with the contract id), the second waits for the first instead of failing the saga document's
/// optimistic-concurrency check and being retried. One partitioner for all message types of the endpoint: a
/// partitioner per type would not keep a CommissionPayable and a ShipmentCreated of one deal apart. The version
/// check still guards correctness for messages without a correlation id and across instances.
/// </summary>
public sealed class DealStateDefinition : SagaDefinition<DealState>
{
    private const int Partitions = 8;

    public DealStateDefinition() => ConcurrentMessageLimit = Partitions;

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<DealState> sagaConfigurator, IRegistrationContext context)
    {
        IPipeConfigurator<ConsumeContext> endpoint = endpointConfigurator;
        var partitioner = endpoint.CreatePartitioner(Partitions);
        endpoint.UsePartitioner(partitioner, message => message.CorrelationId ?? message.MessageId ?? Guid.Empty);
    }
}
