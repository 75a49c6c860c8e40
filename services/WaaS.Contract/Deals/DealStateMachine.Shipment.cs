using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contract.Deals;

public sealed partial class DealStateMachine
{
    private void ShipmentBranches()
    {
        // Overdue stays overdue once dispatched: the deadline was missed either way.
        During(DeliveryOverdue,
            When(ShipmentDispatched).Then(ctx => ctx.Saga.Dispatch(ctx.Message)));
        During(AwaitingDispatch,
            When(ShipmentDispatched).Then(ctx => ctx.Saga.Dispatch(ctx.Message)).TransitionTo(InTransit),
            // Compensation before dispatch: the pending shipment is dropped; commission is never clawed back.
            When(CancellationRequested)
                .Then(ctx => ctx.Saga.Cancel(ctx.Message))
                .CancelDurably(ctx => DealDeadlines.DeliveryKey(ctx.Saga.CorrelationId))
                .PublishDurably(ctx => new CancelShipment(ctx.Saga.CorrelationId, ctx.Message.Reason))
                .PublishDurably(ctx => new DealCancelled(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.RequestedAt))
                .TransitionTo(Cancelled),
            When(ShipmentOrderFaulted)
                .Then(ctx =>
                {
                    var why = ctx.Message.Exceptions.FirstOrDefault()?.Message ?? "unknown error";
                    ctx.Saga.ShipmentFailure = $"ShipmentOrderFailed: {why}";
                    ctx.Saga.Record("logistics", "ShipmentOrderFailed", ctx.Message.Timestamp, why);
                })
                .CancelDurably(ctx => DealDeadlines.DeliveryKey(ctx.Saga.CorrelationId))
                .TransitionTo(ShipmentFailed));

        During(InTransit, DeliveryOverdue,
            When(ShipmentDelivered)
                .Then(ctx => ctx.Saga.Activate(ctx.Message.DeliveredAt))
                .CancelDurably(ctx => DealDeadlines.DeliveryKey(ctx.Saga.CorrelationId))
                .PublishDurably(ctx => ctx.Saga.Activated(ctx.Message.DeliveredAt))
                .TransitionTo(Active));

        During(AwaitingDispatch, InTransit,
            When(DeliveryDue)
                .Then(ctx => ctx.Saga.Flag(DealDeadlines.Delivery, ctx.Message.DueAt, ctx.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow()))
                .PublishDurably(ctx => new DealDeadlineMissed(ctx.Saga.CorrelationId, DealDeadlines.Delivery, ctx.Message.DueAt,
                    ctx.Saga.Flags[^1].FlaggedAt))
                .TransitionTo(DeliveryOverdue));

        During(AwaitingDispatch, InTransit, DeliveryOverdue,
            When(ShipmentFailedEvent)
                .Then(ctx =>
                {
                    ctx.Saga.ShipmentFailure = $"{ctx.Message.Failure}: {ctx.Message.Reason}";
                    ctx.Saga.Record("logistics", $"Shipment{ctx.Message.Failure}", ctx.Message.FailedAt, ctx.Message.Reason);
                })
                .CancelDurably(ctx => DealDeadlines.DeliveryKey(ctx.Saga.CorrelationId))
                .IfElse(ctx => ctx.Message.Failure == ShipmentFailure.ReturnedUndelivered,
                    undelivered => undelivered.TransitionTo(ReturnedUndelivered),
                    failed => failed.TransitionTo(ShipmentFailed)));

        // Once the devices are on their way the deal can no longer be cancelled (the API says so first).
        During(InTransit,
            When(CancellationRequested).Then(ctx => ctx.Saga.Record("contract", "CancellationRefused", ctx.Message.RequestedAt, "already dispatched")));
        During(DeliveryOverdue,
            When(CancellationRequested)
                .IfElse(ctx => ctx.Saga.Dispatched,
                    refused => refused.Then(ctx => ctx.Saga.Record("contract", "CancellationRefused", ctx.Message.RequestedAt, "already dispatched")),
                    cancelled => cancelled
                        .Then(ctx => ctx.Saga.Cancel(ctx.Message))
                        .PublishDurably(ctx => new CancelShipment(ctx.Saga.CorrelationId, ctx.Message.Reason))
                        .PublishDurably(ctx => new DealCancelled(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.RequestedAt))
                        .TransitionTo(Cancelled)));

        // A cancellation that crossed the dispatch in flight: the deal stays cancelled, the devices must be recalled.
        During(Cancelled,
            When(ShipmentDispatched)
                .Then(ctx =>
                {
                    ctx.Saga.Dispatch(ctx.Message);
                    ctx.Saga.Flag("RecallAfterCancellation", ctx.Message.DispatchedAt, ctx.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow());
                }),
            When(ShipmentDelivered)
                .Then(ctx => ctx.Saga.Record("logistics", "DeliveredAfterCancellation", ctx.Message.DeliveredAt, "devices to be collected")));

        // After a failure operations either ship again or cancel.
        During(ShipmentFailed, ReturnedUndelivered,
            When(ReshipmentRequested)
                .Then(ctx => ctx.Saga.Reship(ctx.Message))
                .PublishDurably(ctx => ctx.Saga.ShipmentOrder())
                .ScheduleDurably(ctx => DealDeadlines.DeliveryKey(ctx.Saga.CorrelationId),
                    ctx => new DeliveryDue(ctx.Saga.CorrelationId, ctx.Saga.DeliveryDueAt!.Value),
                    ctx => ctx.Saga.DeliveryDueAt!.Value)
                .TransitionTo(AwaitingDispatch),
            When(CancellationRequested)
                .Then(ctx => ctx.Saga.Cancel(ctx.Message))
                .PublishDurably(ctx => new DealCancelled(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.RequestedAt))
                .TransitionTo(Cancelled));
    }
}
