using MassTransit;

namespace WaaS.Contracting.Deals;

// Messages inside the contracting service: commands to the deal saga, its durable deadlines and the facts it decides
// that only its timeline reads. Their stored names are fixed (deadlines wait in the database for days), and they are
// correlated by contract id like every message about a deal (see DeclareCorrelation).

/// <summary>Operations cancel a deal before its devices leave the warehouse.</summary>
[MessageUrn("waas:contracting:deal-cancellation-requested")]
public sealed record DealCancellationRequested(Guid ContractId, string Reason, DateTimeOffset RequestedAt);

/// <summary>The devices were already dispatched: the deal can only end by termination now.</summary>
[MessageUrn("waas:contracting:deal-cancellation-refused")]
public sealed record DealCancellationRefused(Guid ContractId, string Reason, DateTimeOffset RefusedAt);

/// <summary>Operations ship again after a failed or undelivered shipment.</summary>
[MessageUrn("waas:contracting:deal-reshipment-requested")]
public sealed record DealReshipmentRequested(Guid ContractId, DateTimeOffset RequestedAt);

/// <summary>Durable deadline: the credit decision should be in by <see cref="DueAt"/>.</summary>
[MessageUrn("waas:contracting:credit-decision-due")]
public sealed record CreditDecisionDue(Guid ContractId, DateTimeOffset DueAt);

/// <summary>Durable deadline: the devices should be delivered by <see cref="DueAt"/>.</summary>
[MessageUrn("waas:contracting:delivery-due")]
public sealed record DeliveryDue(Guid ContractId, DateTimeOffset DueAt);

/// <summary>The automatic credit check broke down for good; the deal waits for an operator.</summary>
[MessageUrn("waas:contracting:credit-check-failed")]
public sealed record CreditCheckFailed(Guid ContractId, string Why, DateTimeOffset FailedAt);

/// <summary>Logistics could not take the shipment order; operations ship again or cancel.</summary>
[MessageUrn("waas:contracting:shipment-order-failed")]
public sealed record ShipmentOrderFailed(Guid ContractId, string Why, DateTimeOffset FailedAt);

/// <summary>A cancelled deal's devices were dispatched anyway (the cancellation crossed the dispatch): collect them.</summary>
[MessageUrn("waas:contracting:devices-to-recall")]
public sealed record DevicesToRecall(Guid ContractId, DateTimeOffset DispatchedAt, DateTimeOffset FlaggedAt);

/// <summary>How long each step may take before operations are alerted.</summary>
public static class DealDeadlines
{
    public static readonly TimeSpan CreditDecisionSla = TimeSpan.FromDays(2);
    public static readonly TimeSpan DeliverySla = TimeSpan.FromDays(10);

    public const string CreditDecision = "CreditDecision";
    public const string Delivery = "Delivery";

    private static int _correlationDeclared;

    /// <summary>The deal's internal messages carry their contract id as CorrelationId, like those in WaaS.Contracts.</summary>
    public static void DeclareCorrelation()
    {
        if (Interlocked.Exchange(ref _correlationDeclared, 1) == 1)
        {
            return;
        }
        MessageCorrelation.UseCorrelationId<DealCancellationRequested>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<DealCancellationRefused>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<DealReshipmentRequested>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CreditDecisionDue>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<DeliveryDue>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<CreditCheckFailed>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<ShipmentOrderFailed>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<DevicesToRecall>(m => m.ContractId);
        MessageCorrelation.UseCorrelationId<RentalContracts.Ending.EndOfTermReached>(m => m.ContractId);
    }

    public static string CreditKey(Guid contractId) => $"deal:{contractId}:credit-decision";

    public static string DeliveryKey(Guid contractId) => $"deal:{contractId}:delivery";

    /// <summary>The SLA from approval, or sooner when a successor's devices are due by a given day.</summary>
    public static DateTimeOffset DeliveryDueAt(DateTimeOffset approvedAt, DateOnly? deliverBy)
    {
        var sla = approvedAt + DeliverySla;
        if (deliverBy is not { } day)
        {
            return sla;
        }
        var endOfDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return endOfDay < sla ? endOfDay : sla;
    }
}
