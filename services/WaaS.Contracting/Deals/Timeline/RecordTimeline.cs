using Marten;
using MassTransit;
using WaaS.Contracts;

namespace WaaS.Contracting.Deals.Timeline;

/// <summary>
/// Writes every message about a deal onto its timeline (a Marten document with optimistic concurrency; the endpoint is
/// partitioned by deal like the saga's, so one deal's messages take turns). The inbox drops redeliveries.
/// </summary>
public sealed class RecordTimeline(IDocumentSession session) :
    IConsumer<ContractSigned>,
    IConsumer<CreditApproved>,
    IConsumer<CreditRejected>,
    IConsumer<CreditReferredToManualReview>,
    IConsumer<CreditCheckFailed>,
    IConsumer<CommissionPayable>,
    IConsumer<ShipmentCreated>,
    IConsumer<ShipmentOrderFailed>,
    IConsumer<ShipmentDispatched>,
    IConsumer<ShipmentDelivered>,
    IConsumer<ShipmentFailed>,
    IConsumer<DealReshipmentRequested>,
    IConsumer<DealCancelled>,
    IConsumer<DealCancellationRefused>,
    IConsumer<DealDeadlineMissed>,
    IConsumer<DevicesToRecall>,
    IConsumer<ContractActivated>,
    IConsumer<BillingScheduleCreated>,
    IConsumer<SellOutReported>,
    IConsumer<ContractEndingSoon>,
    IConsumer<ContractExtended>,
    IConsumer<ContractEnded>,
    IConsumer<SuccessorLinked>,
    IConsumer<ReturnCaseOpened>
{
    public Task Consume(ConsumeContext<ContractSigned> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<CreditApproved> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<CreditRejected> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<CreditReferredToManualReview> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<CreditCheckFailed> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<CommissionPayable> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ShipmentCreated> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ShipmentOrderFailed> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ShipmentDispatched> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ShipmentDelivered> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ShipmentFailed> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<DealReshipmentRequested> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<DealCancelled> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<DealCancellationRefused> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<DealDeadlineMissed> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<DevicesToRecall> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ContractActivated> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<BillingScheduleCreated> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<SellOutReported> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ContractEndingSoon> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ContractExtended> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ContractEnded> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<SuccessorLinked> context) => Record(context.Message.PredecessorId, t => t.When(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ReturnCaseOpened> context) => Record(context.Message.ContractId, t => t.When(context.Message), context.CancellationToken);

    private async Task Record(Guid dealId, Action<DealTimeline> when, CancellationToken ct)
    {
        var timeline = await session.LoadAsync<DealTimeline>(dealId, ct) ?? new DealTimeline { Id = dealId };
        when(timeline);
        session.Store(timeline);
    }
}

/// <summary>One deal's messages one at a time (see <see cref="DealStateDefinition"/> for why one shared partitioner).</summary>
public sealed class RecordTimelineDefinition : ConsumerDefinition<RecordTimeline>
{
    private const int Partitions = 8;

    public RecordTimelineDefinition() => ConcurrentMessageLimit = Partitions;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<RecordTimeline> consumerConfigurator, IRegistrationContext context)
    {
        IPipeConfigurator<ConsumeContext> endpoint = endpointConfigurator;
        var partitioner = endpoint.CreatePartitioner(Partitions);
        endpoint.UsePartitioner(partitioner, message => message.CorrelationId ?? message.MessageId ?? Guid.Empty);
    }
}
