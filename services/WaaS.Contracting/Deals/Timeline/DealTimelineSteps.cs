using WaaS.Contracts;

namespace WaaS.Contracting.Deals.Timeline;

/// <summary>How each message about a deal shows on its timeline. Pure: given messages, then this timeline.</summary>
public static class DealTimelineSteps
{
    public static void When(this DealTimeline t, ContractSigned e)
    {
        t.TermMonths = e.TermMonths;
        t.PredecessorId = e.PredecessorId;
        t.ResellerId = e.ResellerId;
        t.CustomerId = e.Customer.AccountId;
        t.Record("contract", "ContractSigned", e.SignedAt,
            e.PredecessorId is { } predecessor ? $"signed by customer and distributor; succeeds {predecessor}" : "signed by customer and distributor");
    }

    /// <summary>A reviewer's conditions (a shorter term, a security deposit) show on the timeline for the people acting on them.</summary>
    public static void When(this DealTimeline t, CreditApproved e) => t.Record("credit", "CreditApproved", e.DecidedAt,
        $"exposure {e.Exposure:0.00} EUR"
        + (e.MaximumTermMonths is { } term ? $"; on condition of a term of at most {term} months" : "")
        + (e.SecurityDeposit is { } deposit ? $"; on condition of a security deposit of {deposit:0.00} EUR" : ""));

    public static void When(this DealTimeline t, CreditRejected e)
    {
        t.RejectionReason = e.Reason;
        t.Record("credit", "CreditRejected", e.DecidedAt, e.Reason);
    }

    public static void When(this DealTimeline t, CreditReferredToManualReview e)
    {
        t.ManualReviewReason = e.Reason;
        t.Record("credit", "CreditReferredToManualReview", e.ReferredAt, e.Reason);
    }

    public static void When(this DealTimeline t, CreditCheckFailed e)
    {
        t.ManualReviewReason = $"CreditCheckFailed: {e.Why}";
        t.Record("credit", "CreditCheckFailed", e.FailedAt, e.Why);
    }

    public static void When(this DealTimeline t, CommissionPayable e)
    {
        t.CommissionPayable = true;
        t.Record("commission", "CommissionPayable", e.PayableAt, $"{e.Amount:0.00} EUR");
    }

    public static void When(this DealTimeline t, ShipmentCreated e)
    {
        t.ShipmentId = e.ShipmentId;
        t.Record("logistics", "ShipmentCreated", e.CreatedAt);
    }

    public static void When(this DealTimeline t, ShipmentOrderFailed e)
    {
        t.ShipmentFailure = $"ShipmentOrderFailed: {e.Why}";
        t.Record("logistics", "ShipmentOrderFailed", e.FailedAt, e.Why);
    }

    public static void When(this DealTimeline t, ShipmentDispatched e) =>
        t.Record("logistics", "ShipmentDispatched", e.DispatchedAt, $"{e.Carrier} {e.TrackingNumber}, {e.Devices.Count} devices");

    public static void When(this DealTimeline t, ShipmentDelivered e)
    {
        if (t.CancellationReason is null)
        {
            t.Record("logistics", "ShipmentDelivered", e.DeliveredAt);
        }
        else
        {
            t.Record("logistics", "DeliveredAfterCancellation", e.DeliveredAt, "devices to be collected");
        }
    }

    public static void When(this DealTimeline t, ShipmentFailed e)
    {
        t.ShipmentFailure = $"{e.Failure}: {e.Reason}";
        t.Record("logistics", $"Shipment{e.Failure}", e.FailedAt, e.Reason);
    }

    public static void When(this DealTimeline t, DealReshipmentRequested e)
    {
        t.ShipmentId = null;
        t.ShipmentFailure = null;
        t.Record("logistics", "ReshipmentRequested", e.RequestedAt);
    }

    public static void When(this DealTimeline t, DealCancelled e)
    {
        t.CancellationReason = e.Reason;
        t.Record("contract", "DealCancelled", e.CancelledAt, e.Reason);
    }

    public static void When(this DealTimeline t, DealCancellationRefused e) => t.Record("contract", "CancellationRefused", e.RefusedAt, e.Reason);

    public static void When(this DealTimeline t, DealDeadlineMissed e) => t.Flag(e.Deadline, e.DueAt, e.FlaggedAt, $"{e.Deadline}Overdue");

    public static void When(this DealTimeline t, DevicesToRecall e) => t.Flag("RecallAfterCancellation", e.DispatchedAt, e.FlaggedAt, "RecallAfterCancellation");

    public static void When(this DealTimeline t, ContractActivated e)
    {
        t.EndDate = e.EndDate;
        t.Record("contract", "ContractActivated", e.ActivatedAt, $"{e.StartDate:yyyy-MM-dd} to {e.EndDate:yyyy-MM-dd}");
    }

    public static void When(this DealTimeline t, BillingScheduleCreated e) =>
        t.Record("billing", "BillingScheduleCreated", e.CreatedAt, $"{e.Instalments} × {e.Monthly.Gross:0.00} EUR gross from {e.FirstDueDate:yyyy-MM-dd}");

    public static void When(this DealTimeline t, SellOutReported e) => t.Record("vendor-reporting", "SellOutReported", e.ReportedAt, string.Join(", ", e.Vendors));

    public static void When(this DealTimeline t, ContractEndingSoon e) =>
        t.Record("contract", "ContractEndingSoon", e.RemindedAt, $"{e.DaysLeft} days left, ends {e.EndDate:yyyy-MM-dd}");

    public static void When(this DealTimeline t, ContractExtended e)
    {
        t.ExtendedMonths = Math.Max(t.ExtendedMonths, e.TermMonths - t.TermMonths);
        t.EndDate = e.NewEndDate;
        t.Record("contract", "ContractExtended", e.ExtendedAt, $"+{e.AddedMonths} months to {e.NewEndDate:yyyy-MM-dd}, commission {e.Commission:0.00} EUR");
    }

    public static void When(this DealTimeline t, ContractEnded e)
    {
        t.EndDate = e.EndDate;
        t.Record("contract", $"Contract{e.Reason}", e.EndedAt, e.TerminationFee > 0 ? $"termination fee {e.TerminationFee:0.00} EUR" : null);
    }

    public static void When(this DealTimeline t, SuccessorLinked e)
    {
        t.SuccessorId = e.SuccessorId;
        t.Record("contract", "SuccessorLinked", e.LinkedAt, $"successor {e.SuccessorId}, new devices due by {e.DevicesDueBy:yyyy-MM-dd}");
    }

    public static void When(this DealTimeline t, ReturnCaseOpened e)
    {
        t.ReturnCaseId = e.ReturnCaseId;
        t.Record("returns", "ReturnCaseOpened", e.OpenedAt, $"due back by {e.ReturnDeadline:yyyy-MM-dd}");
    }
}
