using MassTransit;

namespace WaaS.Contract.Deals;

/// <summary>
/// Two events of one deal may arrive together (commission and shipment answer the same approval). The saga
/// document's version makes the second writer fail; the bus-wide retry then replays it on fresh state.
/// </summary>
public sealed class DealStateDefinition : SagaDefinition<DealState>
{
    public DealStateDefinition() => ConcurrentMessageLimit = 8;
}
