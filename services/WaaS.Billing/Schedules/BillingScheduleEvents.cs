using WaaS.Contracts;

namespace WaaS.Billing.Schedules;

/// <summary>
/// The whole schedule, drawn up at once when the contract became active (published as the message of the same name).
/// <see cref="CustomerId"/> is the end customer's account when the contract named one.
/// </summary>
public sealed record BillingScheduleCreated(
    Guid ContractId, Guid ResellerId, string CustomerName, MonthlyAmount Monthly, IReadOnlyList<Instalment> Instalments, DateTimeOffset CreatedAt,
    Guid? CustomerId = null);

public sealed record ScheduleExtended(Guid ContractId, int ExtensionNumber, IReadOnlyList<Instalment> Added, DateTimeOffset ExtendedAt);

public sealed record ScheduleClosedEarly(Guid ContractId, DateOnly EndDate, decimal TerminationFee, DateTimeOffset ClosedAt);
