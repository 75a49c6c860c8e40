namespace WaaS.Contracts;

/// <summary>Billing holds the monthly instalment schedule of an active contract.</summary>
public sealed record BillingScheduleCreated(
    Guid ContractId,
    int Instalments,
    MonthlyAmount Monthly,
    DateOnly FirstDueDate,
    DateTimeOffset CreatedAt);
