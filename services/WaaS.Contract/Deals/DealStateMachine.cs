using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;

namespace WaaS.Contract.Deals;

/// <summary>
/// The deal flow: signed → credit check → (approved) commission payable + shipment → delivered → active →
/// ended. A credit rejection ends the deal as Rejected. Everything the saga causes goes through the outbox,
/// so it commits with the saga state.
/// </summary>
public sealed class DealStateMachine : MassTransitStateMachine<DealState>
{
    public State CheckingCredit { get; private set; } = null!;
    public State AwaitingDispatch { get; private set; } = null!;
    public State InTransit { get; private set; } = null!;
    public State Active { get; private set; } = null!;
    public State Ended { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;

    public Event<ContractSigned> Signed { get; private set; } = null!;
    public Event<CreditApproved> CreditApproved { get; private set; } = null!;
    public Event<CreditRejected> CreditRejected { get; private set; } = null!;
    public Event<CommissionPayable> CommissionPayable { get; private set; } = null!;
    public Event<ShipmentCreated> ShipmentCreated { get; private set; } = null!;
    public Event<ShipmentDispatched> ShipmentDispatched { get; private set; } = null!;
    public Event<ShipmentDelivered> ShipmentDelivered { get; private set; } = null!;
    public Event<BillingScheduleCreated> BillingScheduleCreated { get; private set; } = null!;
    public Event<SellOutReported> SellOutReported { get; private set; } = null!;
    public Event<ContractEnded> ContractEnded { get; private set; } = null!;
    public Event<ReturnCaseOpened> ReturnCaseOpened { get; private set; } = null!;

    public DealStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Signed, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => CreditApproved, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => CreditRejected, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => CommissionPayable, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => ShipmentCreated, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => ShipmentDispatched, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => ShipmentDelivered, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => BillingScheduleCreated, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => SellOutReported, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => ContractEnded, e => e.CorrelateById(x => x.Message.ContractId));
        Event(() => ReturnCaseOpened, e => e.CorrelateById(x => x.Message.ContractId));

        // Happy path.
        Initially(
            When(Signed)
                .Then(ctx => ctx.Saga.Start(ctx.Message))
                .PublishDurably(ctx => new CheckCredit(
                    ctx.Saga.CorrelationId, ctx.Message.Customer, ctx.Message.Monthly.Net * ctx.Message.TermMonths, ctx.Message.TermMonths))
                .TransitionTo(CheckingCredit));

        During(CheckingCredit,
            // Payday: credit approved and signed by both (the saga only starts once both signed).
            When(CreditApproved)
                .Then(ctx => ctx.Saga.Record("credit", "CreditApproved", ctx.Message.DecidedAt, $"exposure {ctx.Message.Exposure:0.00} EUR"))
                .PublishDurably(ctx => new RecordCommission(
                    ctx.Saga.CorrelationId, ctx.Saga.ResellerId, ctx.Saga.TotalCommission, ctx.Saga.TermMonths))
                .PublishDurably(ctx => new CreateShipment(ctx.Saga.CorrelationId, ctx.Saga.Customer!, ctx.Saga.DevicesToShip()))
                .TransitionTo(AwaitingDispatch),
            // Compensation: the deal does not come about; nothing was paid or shipped yet.
            When(CreditRejected)
                .Then(ctx =>
                {
                    ctx.Saga.RejectionReason = ctx.Message.Reason;
                    ctx.Saga.Record("credit", "CreditRejected", ctx.Message.DecidedAt, ctx.Message.Reason);
                })
                .PublishDurably(ctx => new DealRejected(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.DecidedAt))
                .TransitionTo(Rejected));

        During(AwaitingDispatch,
            When(ShipmentDispatched)
                .Then(ctx =>
                {
                    ctx.Saga.Devices = [.. ctx.Message.Devices];
                    ctx.Saga.Record("logistics", "ShipmentDispatched", ctx.Message.DispatchedAt,
                        $"{ctx.Message.Carrier} {ctx.Message.TrackingNumber}, {ctx.Message.Devices.Count} devices");
                })
                .TransitionTo(InTransit));

        During(InTransit,
            When(ShipmentDelivered)
                .Then(ctx => ctx.Saga.Activate(ctx.Message.DeliveredAt))
                .PublishDurably(ctx => ctx.Saga.Activated(ctx.Message.DeliveredAt))
                .TransitionTo(Active));

        During(Active,
            When(ContractEnded)
                .Then(ctx =>
                {
                    ctx.Saga.EndDate = ctx.Message.EndDate;
                    ctx.Saga.Record("contract", $"Contract{ctx.Message.Reason}", ctx.Message.EndedAt,
                        ctx.Message.TerminationFee > 0 ? $"termination fee {ctx.Message.TerminationFee:0.00} EUR" : null);
                })
                .TransitionTo(Ended));

        // Side branches report in whatever state the deal has reached by then.
        DuringAny(
            When(CommissionPayable)
                .Then(ctx =>
                {
                    ctx.Saga.CommissionPayable = true;
                    ctx.Saga.Record("commission", "CommissionPayable", ctx.Message.PayableAt, $"{ctx.Message.Amount:0.00} EUR");
                }),
            When(ShipmentCreated)
                .Then(ctx =>
                {
                    ctx.Saga.ShipmentId = ctx.Message.ShipmentId;
                    ctx.Saga.Record("logistics", "ShipmentCreated", ctx.Message.CreatedAt);
                }),
            When(BillingScheduleCreated)
                .Then(ctx => ctx.Saga.Record("billing", "BillingScheduleCreated", ctx.Message.CreatedAt,
                    $"{ctx.Message.Instalments} × {ctx.Message.Monthly.Gross:0.00} EUR gross from {ctx.Message.FirstDueDate:yyyy-MM-dd}")),
            When(SellOutReported)
                .Then(ctx => ctx.Saga.Record("vendor-reporting", "SellOutReported", ctx.Message.ReportedAt, string.Join(", ", ctx.Message.Vendors))),
            When(ReturnCaseOpened)
                .Then(ctx =>
                {
                    ctx.Saga.ReturnCaseId = ctx.Message.ReturnCaseId;
                    ctx.Saga.Record("returns", "ReturnCaseOpened", ctx.Message.OpenedAt, $"due back by {ctx.Message.ReturnDeadline:yyyy-MM-dd}");
                }));
    }
}

internal static class DealStateBehaviour
{
    public static void Start(this DealState deal, ContractSigned signed)
    {
        deal.ResellerId = signed.ResellerId;
        deal.Customer = signed.Customer;
        deal.TermMonths = signed.TermMonths;
        deal.Monthly = signed.Monthly;
        deal.TotalCommission = signed.TotalCommission;
        deal.Lines = [.. signed.Lines];
        deal.Record("contract", "ContractSigned", signed.SignedAt, "signed by customer and distributor");
    }

    public static IReadOnlyList<ShipmentItem> DevicesToShip(this DealState deal) =>
        [.. deal.Lines.Where(l => l.Kind == ItemKind.Device).Select(l => new ShipmentItem(l.Sku, l.Description, l.Quantity))];

    /// <summary>The term starts on the delivery day and ends the day before the same date <c>TermMonths</c> later.</summary>
    public static void Activate(this DealState deal, DateTimeOffset deliveredAt)
    {
        deal.StartDate = DateOnly.FromDateTime(deliveredAt.UtcDateTime);
        deal.EndDate = deal.StartDate.Value.AddMonths(deal.TermMonths).AddDays(-1);
        deal.Record("logistics", "ShipmentDelivered", deliveredAt);
        deal.Record("contract", "ContractActivated", deliveredAt, $"{deal.StartDate:yyyy-MM-dd} to {deal.EndDate:yyyy-MM-dd}");
    }

    public static ContractActivated Activated(this DealState deal, DateTimeOffset at) =>
        new(deal.CorrelationId, deal.ResellerId, deal.Customer!, deal.TermMonths, deal.StartDate!.Value, deal.EndDate!.Value,
            deal.Monthly!, deal.Lines, deal.Devices, at);
}
