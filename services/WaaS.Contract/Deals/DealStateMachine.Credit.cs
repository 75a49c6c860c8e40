using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contract.Deals;

public sealed partial class DealStateMachine
{
    private void CreditBranches()
    {
        During(CheckingCredit, ManualReview, CreditDecisionOverdue,
            // Payday: credit approved and signed by both (the saga only starts once both signed).
            When(CreditApproved)
                .Then(ctx =>
                {
                    ctx.Saga.Record("credit", "CreditApproved", ctx.Message.DecidedAt, $"exposure {ctx.Message.Exposure:0.00} EUR");
                    ctx.Saga.DeliveryDueAt = DealDeadlines.DeliveryDueAt(ctx.Message.DecidedAt, ctx.Saga.DeliverBy);
                })
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
                .Then(ctx =>
                {
                    ctx.Saga.RejectionReason = ctx.Message.Reason;
                    ctx.Saga.Record("credit", "CreditRejected", ctx.Message.DecidedAt, ctx.Message.Reason);
                })
                .CancelDurably(ctx => DealDeadlines.CreditKey(ctx.Saga.CorrelationId))
                .PublishDurably(ctx => new DealRejected(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.DecidedAt))
                .TransitionTo(Rejected),
            // Compensation: cancelled before anything was paid or shipped.
            When(CancellationRequested)
                .Then(ctx => ctx.Saga.Cancel(ctx.Message))
                .CancelDurably(ctx => DealDeadlines.CreditKey(ctx.Saga.CorrelationId))
                .PublishDurably(ctx => new DealCancelled(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.RequestedAt))
                .TransitionTo(Cancelled));

        During(CheckingCredit, CreditDecisionOverdue,
            When(CreditReferred)
                .Then(ctx =>
                {
                    ctx.Saga.ManualReviewReason = ctx.Message.Reason;
                    ctx.Saga.Record("credit", "CreditReferredToManualReview", ctx.Message.ReferredAt, ctx.Message.Reason);
                })
                .TransitionTo(ManualReview),
            // The automatic check broke down for good: an operator decides instead.
            When(CreditCheckFaulted)
                .Then(ctx =>
                {
                    var why = ctx.Message.Exceptions.FirstOrDefault()?.Message ?? "unknown error";
                    ctx.Saga.ManualReviewReason = $"CreditCheckFailed: {why}";
                    ctx.Saga.Record("credit", "CreditCheckFailed", ctx.Message.Timestamp, why);
                })
                .TransitionTo(ManualReview));

        During(CheckingCredit, ManualReview,
            When(CreditDecisionDue)
                .Then(ctx => ctx.Saga.Flag(DealDeadlines.CreditDecision, ctx.Message.DueAt, ctx.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow()))
                .PublishDurably(ctx => new DealDeadlineMissed(ctx.Saga.CorrelationId, DealDeadlines.CreditDecision, ctx.Message.DueAt,
                    ctx.Saga.Flags[^1].FlaggedAt))
                .TransitionTo(CreditDecisionOverdue));
    }
}
