namespace WaaS.Contracts;

/// <summary>A return case was opened for an ended contract's devices.</summary>
public sealed record ReturnCaseOpened(Guid ReturnCaseId, Guid ContractId, DateOnly ReturnDeadline, DateTimeOffset OpenedAt);

/// <summary>Return terms every service plans with.</summary>
public static class ReturnTerms
{
    /// <summary>Days after a contract's last day by which its devices must be back.</summary>
    public const int WindowDays = 14;
}
