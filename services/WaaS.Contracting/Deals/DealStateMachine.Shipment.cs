using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using WaaS.ServiceDefaults.Scheduling;

namespace WaaS.Contracting.Deals;

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
                .CancelDurably(ctx => DealDeadlines.DeliveryKey(ctx.Saga.CorrelationId))
                .PublishDurably(ctx => new CancelShipment(ctx.Saga.CorrelationId, ctx.Message.Reason))
                .PublishDurably(ctx => new DealCancelled(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.RequestedAt))
                .TransitionTo(Cancelled),
            When(ShipmentOrderFaulted)
                .PublishDurably(ctx => new ShipmentOrderFailed(ctx.Saga.CorrelationId,
                    ctx.Message.Exceptions.FirstOrDefault()?.Message ?? "unknown error", ctx.Message.Timestamp))
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
                .PublishDurably(ctx => new DealDeadlineMissed(ctx.Saga.CorrelationId, DealDeadlines.Delivery, ctx.Message.DueAt, ctx.Now()))
                .TransitionTo(DeliveryOverdue));

        During(AwaitingDispatch, InTransit, DeliveryOverdue,
            When(ShipmentFailedEvent)
                .CancelDurably(ctx => DealDeadlines.DeliveryKey(ctx.Saga.CorrelationId))
                .IfElse(ctx => ctx.Message.Failure == ShipmentFailure.ReturnedUndelivered,
                    undelivered => undelivered.TransitionTo(ReturnedUndelivered),
                    failed => failed.TransitionTo(ShipmentFailed)));

        // Once the devices are on their way the deal can no longer be cancelled (the API says so first).
        During(InTransit,
            When(CancellationRequested).PublishDurably(ctx => new DealCancellationRefused(ctx.Saga.CorrelationId, "already dispatched", ctx.Message.RequestedAt)));
        During(DeliveryOverdue,
            When(CancellationRequested)
                .IfElse(ctx => ctx.Saga.Dispatched,
                    refused => refused.PublishDurably(ctx => new DealCancellationRefused(ctx.Saga.CorrelationId, "already dispatched", ctx.Message.RequestedAt)),
                    cancelled => cancelled
                                .PublishDurably(ctx => new CancelShipment(ctx.Saga.CorrelationId, ctx.Message.Reason))
                        .PublishDurably(ctx => new DealCancelled(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.RequestedAt))
                        .TransitionTo(Cancelled)));

        // A cancellation that crossed the dispatch in flight: the deal stays cancelled, the devices must be recalled.
        During(Cancelled,
            When(ShipmentDispatched)
                .Then(ctx => ctx.Saga.Dispatch(ctx.Message))
                .PublishDurably(ctx => new DevicesToRecall(ctx.Saga.CorrelationId, ctx.Message.DispatchedAt, ctx.Now())),
            Ignore(ShipmentDelivered));

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
                .PublishDurably(ctx => new DealCancelled(ctx.Saga.CorrelationId, ctx.Message.Reason, ctx.Message.RequestedAt))
                .TransitionTo(Cancelled));
    }
}
