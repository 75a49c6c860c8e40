using MassTransit;

namespace WaaS.Contracting.Deals;

public sealed partial class DealStateMachine
{
    private void TermBranches() =>
        During(Active, When(ContractEnded).Then(ctx => ctx.Saga.EndDate = ctx.Message.EndDate).TransitionTo(Ended));

    private void LateEvents()
    {
        // A deadline that fires after the deal moved on (its cancellation raced the poller) means nothing.
        During([AwaitingDispatch, InTransit, DeliveryOverdue, ShipmentFailed, ReturnedUndelivered, Active, Ended, Rejected, Cancelled,
            CreditDecisionOverdue], Ignore(CreditDecisionDue));
        During([CheckingCredit, ManualReview, CreditDecisionOverdue, DeliveryOverdue, ShipmentFailed, ReturnedUndelivered, Active, Ended,
            Rejected, Cancelled], Ignore(DeliveryDue));
        // The API refuses these up front; a request racing a state change is dropped here.
        During(Active, Ended, Rejected, Cancelled, Ignore(CancellationRequested));
        During([CheckingCredit, ManualReview, CreditDecisionOverdue, AwaitingDispatch, InTransit, DeliveryOverdue, Active, Ended, Rejected,
            Cancelled], Ignore(ReshipmentRequested));
    }
}
