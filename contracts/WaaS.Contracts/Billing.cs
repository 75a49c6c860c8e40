namespace WaaS.Contracts;

/// <summary>Billing holds the monthly instalment schedule of an active contract.</summary>
public sealed record BillingScheduleCreated(
    Guid ContractId,
    int Instalments,
    MonthlyAmount Monthly,
    DateOnly FirstDueDate,
    DateTimeOffset CreatedAt);

/// <summary>
/// A direct debit of the contract's customer came back unpaid (<see cref="Amount"/>, gross EUR): the customer is in
/// dunning until <see cref="DunningCleared"/>. Credit refers every new exposure of a customer in dunning to a person.
/// Published by billing's dunning (not built yet); credit consumes it.
/// </summary>
public sealed record DebitReturned(Guid ContractId, decimal Amount, DateTimeOffset ReturnedAt, string? Reason = null);

/// <summary>The customer of the contract settled what was overdue; its dunning ends.</summary>
public sealed record DunningCleared(Guid ContractId, DateTimeOffset ClearedAt);
