using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contracting.Deals;

public sealed partial class DealStateMachine
{
    private void CreditBranches()
    {
        During(CheckingCredit, ManualReview, CreditDecisionOverdue,
            // Payday: credit approved and signed by both (the saga only starts once both signed).
            When(CreditApproved)
                .Then(ctx => ctx.Saga.DeliveryDueAt = DealDeadlines.DeliveryDueAt(ctx.Message.DecidedAt, ctx.Saga.DeliverBy))
                .CancelDurably(ctx => DealDeadlines.CreditKey(ctx.Saga.CorrelationId))
                .PublishDurably(ctx => new RecordCommission(
                    ctx.Saga.CorrelationId, ctx.Saga.ResellerId, ctx.Saga.TotalCommission, ctx.Saga.TermMonths))
                .PublishDurably(ctx => ctx.Saga.ShipmentOrder())
                .ScheduleDurably(ctx => DealDeadlines.DeliveryKey(ctx.Saga.CorrelationId),
                    ctx => new DeliveryDue(ctx.Saga.CorrelationId, ctx.Saga.DeliveryDueAt!.Value),
                    ctx => ctx.Saga.DeliveryDueAt!.Value)
                .TransitionTo(AwaitingDispatch),
            // Compensation: the deal does not come about; nothing was paid or shipped yet.
            When(CreditRejected)
                .CancelDurably(ctx => DealDeadlines.CreditKey(ctx.Saga.CorrelationId))
                .PublishDurably(ctx => new DealRejected(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.DecidedAt))
                .TransitionTo(Rejected),
            // Compensation: cancelled before anything was paid or shipped.
            When(CancellationRequested)
                .CancelDurably(ctx => DealDeadlines.CreditKey(ctx.Saga.CorrelationId))
                .PublishDurably(ctx => new DealCancelled(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.RequestedAt))
                .TransitionTo(Cancelled));

        During(CheckingCredit, CreditDecisionOverdue,
            When(CreditReferred).TransitionTo(ManualReview),
            // The automatic check broke down for good: an operator decides instead.
            When(CreditCheckFaulted)
                .PublishDurably(ctx => new CreditCheckFailed(ctx.Saga.CorrelationId,
                    ctx.Message.Exceptions.FirstOrDefault()?.Message ?? "unknown error", ctx.Message.Timestamp))
                .TransitionTo(ManualReview));

        During(CheckingCredit, ManualReview,
            When(CreditDecisionDue)
                .PublishDurably(ctx => new DealDeadlineMissed(ctx.Saga.CorrelationId, DealDeadlines.CreditDecision, ctx.Message.DueAt, ctx.Now()))
                .TransitionTo(CreditDecisionOverdue));
    }
}
