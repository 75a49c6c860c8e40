namespace WaaS.Contract.Deals;

/// <summary>Operations (or the reseller) cancel a deal before its devices leave the warehouse.</summary>
public sealed record DealCancellationRequested(Guid ContractId, string Reason, DateTimeOffset RequestedAt);

/// <summary>Operations ship again after a failed or undelivered shipment.</summary>
public sealed record DealReshipmentRequested(Guid ContractId, DateTimeOffset RequestedAt);

/// <summary>Durable deadline: the credit decision should be in by <see cref="DueAt"/>.</summary>
public sealed record CreditDecisionDue(Guid ContractId, DateTimeOffset DueAt);

/// <summary>Durable deadline: the devices should be delivered by <see cref="DueAt"/>.</summary>
public sealed record DeliveryDue(Guid ContractId, DateTimeOffset DueAt);

/// <summary>How long each step may take before operations are alerted.</summary>
public static class DealDeadlines
{
    public static readonly TimeSpan CreditDecisionSla = TimeSpan.FromDays(2);
    public static readonly TimeSpan DeliverySla = TimeSpan.FromDays(10);

    public const string CreditDecision = "CreditDecision";
    public const string Delivery = "Delivery";

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
