using System.Linq.Expressions;
using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contracting.Deals;

/// <summary>
/// The deal flow. Happy path: signed → credit check → (approved) commission payable + shipment → delivered →
/// active → ended. Branches (the partial files beside this one): manual credit review, rejection, cancellation
/// before shipment, failed or undelivered shipments, missed deadlines. Everything the saga causes (messages and
/// durable deadlines) goes through the session, so it commits with the saga state. What people read about a deal is
/// not kept here: the timeline read model takes it from the messages.
/// </summary>
public sealed partial class DealStateMachine : MassTransitStateMachine<DealState>
{
    public State CheckingCredit { get; private set; } = null!;
    public State ManualReview { get; private set; } = null!;
    public State CreditDecisionOverdue { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;
    public State AwaitingDispatch { get; private set; } = null!;
    public State InTransit { get; private set; } = null!;
    public State DeliveryOverdue { get; private set; } = null!;
    public State ShipmentFailed { get; private set; } = null!;
    public State ReturnedUndelivered { get; private set; } = null!;
    public State Active { get; private set; } = null!;
    public State Ended { get; private set; } = null!;

    public Event<ContractSigned> Signed { get; private set; } = null!;
    public Event<CreditApproved> CreditApproved { get; private set; } = null!;
    public Event<CreditRejected> CreditRejected { get; private set; } = null!;
    public Event<CreditReferredToManualReview> CreditReferred { get; private set; } = null!;
    public Event<Fault<CheckCredit>> CreditCheckFaulted { get; private set; } = null!;
    public Event<Fault<CreateShipment>> ShipmentOrderFaulted { get; private set; } = null!;
    public Event<ShipmentDispatched> ShipmentDispatched { get; private set; } = null!;
    public Event<ShipmentDelivered> ShipmentDelivered { get; private set; } = null!;
    public Event<ShipmentFailed> ShipmentFailedEvent { get; private set; } = null!;
    public Event<ContractEnded> ContractEnded { get; private set; } = null!;
    public Event<DealCancellationRequested> CancellationRequested { get; private set; } = null!;
    public Event<DealReshipmentRequested> ReshipmentRequested { get; private set; } = null!;
    public Event<CreditDecisionDue> CreditDecisionDue { get; private set; } = null!;
    public Event<DeliveryDue> DeliveryDue { get; private set; } = null!;

    /// <summary>The states in which a person must act (the operations list).</summary>
    public IReadOnlyList<State> NeedAPerson => [ManualReview, CreditDecisionOverdue, DeliveryOverdue, ShipmentFailed, ReturnedUndelivered];

    public DealStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Signed, e => e.CorrelateById(x => x.Message.ContractId));
        Correlate(() => CreditApproved, x => x.Message.ContractId);
        Correlate(() => CreditRejected, x => x.Message.ContractId);
        Correlate(() => CreditReferred, x => x.Message.ContractId);
        Correlate(() => CreditCheckFaulted, x => x.Message.Message.ContractId);
        Correlate(() => ShipmentOrderFaulted, x => x.Message.Message.ContractId);
        Correlate(() => ShipmentDispatched, x => x.Message.ContractId);
        Correlate(() => ShipmentDelivered, x => x.Message.ContractId);
        Correlate(() => ShipmentFailedEvent, x => x.Message.ContractId);
        Correlate(() => ContractEnded, x => x.Message.ContractId);
        Correlate(() => CancellationRequested, x => x.Message.ContractId);
        Correlate(() => ReshipmentRequested, x => x.Message.ContractId);
        Correlate(() => CreditDecisionDue, x => x.Message.ContractId);
        Correlate(() => DeliveryDue, x => x.Message.ContractId);

        // Happy path: both signed → credit check (a successor names its predecessor: credit re-checks the customer),
        // with a durable deadline for the decision.
        Initially(
            When(Signed)
                .Then(ctx => ctx.Saga.Start(ctx.Message))
                .PublishDurably(ctx => new CheckCredit(
                    ctx.Saga.CorrelationId, ctx.Message.Customer, ctx.Message.Monthly.Net * ctx.Message.TermMonths, ctx.Message.TermMonths,
                    ctx.Message.ResellerId, ctx.Message.PredecessorId))
                .ScheduleDurably(ctx => DealDeadlines.CreditKey(ctx.Saga.CorrelationId),
                    ctx => new CreditDecisionDue(ctx.Saga.CorrelationId, ctx.Saga.CreditDecisionDueAt!.Value),
                    ctx => ctx.Saga.CreditDecisionDueAt!.Value)
                .TransitionTo(CheckingCredit));

        CreditBranches();
        ShipmentBranches();
        TermBranches();
        LateEvents();
    }

    /// <summary>Events after the first one: a late message for a deal that does not exist is dropped, not faulted.</summary>
    private void Correlate<T>(Expression<Func<Event<T>>> @event, Func<ConsumeContext<T>, Guid> id)
        where T : class =>
        Event(@event, e =>
        {
            e.CorrelateById(id);
            e.OnMissingInstance(m => m.Discard());
        });
}
