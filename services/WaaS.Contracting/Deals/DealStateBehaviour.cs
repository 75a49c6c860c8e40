using MassTransit;
using WaaS.Contracts;

namespace WaaS.Contracting.Deals;

internal static class DealStateBehaviour
{
    public static void Start(this DealState deal, ContractSigned signed)
    {
        deal.ResellerId = signed.ResellerId;
        deal.CustomerId = signed.Customer.AccountId;
        deal.Role = signed.Role;
        deal.Customer = signed.Customer;
        deal.TermMonths = signed.TermMonths;
        deal.Monthly = signed.Monthly;
        deal.TotalCommission = signed.TotalCommission;
        deal.Lines = [.. signed.Lines];
        deal.DeliverBy = signed.DevicesDueBy;
        deal.ContinuesAfter = signed.ContinuesAfter;
        deal.CreditDecisionDueAt = signed.SignedAt + DealDeadlines.CreditDecisionSla;
    }

    public static IReadOnlyList<ShipmentItem> DevicesToShip(this DealState deal) =>
        [.. deal.Lines.Where(l => l.Kind == ItemKind.Device).Select(l => new ShipmentItem(l.Sku, l.Description, l.Quantity))];

    public static CreateShipment ShipmentOrder(this DealState deal) =>
        new(deal.CorrelationId, deal.Customer!, deal.DevicesToShip(), deal.DeliverBy, deal.ResellerId);

    public static void Dispatch(this DealState deal, ShipmentDispatched dispatched)
    {
        deal.Devices = [.. dispatched.Devices];
        deal.Dispatched = true;
    }

    public static void Reship(this DealState deal, DealReshipmentRequested request)
    {
        deal.Dispatched = false;
        deal.Devices = [];
        deal.DeliveryDueAt = DealDeadlines.DeliveryDueAt(request.RequestedAt, deal.DeliverBy);
    }

    /// <summary>
    /// The term starts on the delivery day and ends the day before the same date <c>TermMonths</c> later.
    /// SuccessorStartsTheDayAfterItsPredecessorEnds: a successor delivered in time starts then, so services run on
    /// without a gap and the customer never pays two terms for the same days.
    /// </summary>
    public static void Activate(this DealState deal, DateTimeOffset deliveredAt)
    {
        var delivered = DateOnly.FromDateTime(deliveredAt.UtcDateTime);
        deal.StartDate = deal.ContinuesAfter is { } last && delivered <= last ? last.AddDays(1) : delivered;
        deal.EndDate = deal.StartDate.Value.AddMonths(deal.TermMonths).AddDays(-1);
    }

    public static ContractActivated Activated(this DealState deal, DateTimeOffset at) =>
        new(deal.CorrelationId, deal.ResellerId, deal.Customer!, deal.TermMonths, deal.StartDate!.Value, deal.EndDate!.Value,
            deal.Monthly!, deal.Lines, deal.Devices, at, deal.Role);

    public static DateTimeOffset Now<TSaga, TMessage>(this BehaviorContext<TSaga, TMessage> context)
        where TSaga : class, SagaStateMachineInstance
        where TMessage : class =>
        context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();
}
