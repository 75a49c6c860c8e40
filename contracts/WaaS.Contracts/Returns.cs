namespace WaaS.Contracts;

/// <summary>A return case was opened for an ended contract's devices.</summary>
public sealed record ReturnCaseOpened(Guid ReturnCaseId, Guid ContractId, DateOnly ReturnDeadline, DateTimeOffset OpenedAt);
