using MassTransit;

namespace WaaS.Contract.Deals;

public sealed partial class DealStateMachine
{
    private void TermBranches()
    {
        During(Active,
            When(EndingSoon)
                .Then(ctx => ctx.Saga.Record("contract", "ContractEndingSoon", ctx.Message.RemindedAt,
                    $"{ctx.Message.DaysLeft} days left, ends {ctx.Message.EndDate:yyyy-MM-dd}")),
            When(ContractEnded)
                .Then(ctx =>
                {
                    ctx.Saga.EndDate = ctx.Message.EndDate;
                    ctx.Saga.Record("contract", $"Contract{ctx.Message.Reason}", ctx.Message.EndedAt,
                        ctx.Message.TerminationFee > 0 ? $"termination fee {ctx.Message.TerminationFee:0.00} EUR" : null);
                })
                .TransitionTo(Ended),
            When(ContractExtended)
                .Then(ctx =>
                {
                    ctx.Saga.EndDate = ctx.Message.NewEndDate;
                    ctx.Saga.ExtendedMonths += ctx.Message.AddedMonths;
                    ctx.Saga.Record("contract", "ContractExtended", ctx.Message.ExtendedAt,
                        $"+{ctx.Message.AddedMonths} months to {ctx.Message.NewEndDate:yyyy-MM-dd}, commission {ctx.Message.Commission:0.00} EUR");
                }));
    }

    private void LateAndSideEvents()
    {
        // A deadline that fires after the deal moved on (its cancellation raced the poller) means nothing.
        During([AwaitingDispatch, InTransit, DeliveryOverdue, ShipmentFailed, ReturnedUndelivered, Active, Ended, Rejected, Cancelled,
            CreditDecisionOverdue], Ignore(CreditDecisionDue));
        During(Ended, Ignore(EndingSoon));
        During([CheckingCredit, ManualReview, CreditDecisionOverdue, DeliveryOverdue, ShipmentFailed, ReturnedUndelivered, Active, Ended,
            Rejected, Cancelled], Ignore(DeliveryDue));
        // The API refuses these up front; a request racing a state change is dropped here.
        During(Active, Ended, Rejected, Cancelled, Ignore(CancellationRequested));
        During([CheckingCredit, ManualReview, CreditDecisionOverdue, AwaitingDispatch, InTransit, DeliveryOverdue, Active, Ended, Rejected,
            Cancelled], Ignore(ReshipmentRequested));

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
                }),
            When(SuccessorLinked)
                .Then(ctx =>
                {
                    ctx.Saga.SuccessorId = ctx.Message.SuccessorId;
                    ctx.Saga.Record("contract", "SuccessorLinked", ctx.Message.LinkedAt,
                        $"successor {ctx.Message.SuccessorId}, new devices due by {ctx.Message.DevicesDueBy:yyyy-MM-dd}");
                }));
    }
}
