using WaaS.Contracts;

namespace WaaS.Returns.Cases;

public enum ReturnCaseStatus
{
    AwaitingDevices,
}

/// <summary>The devices of an ended contract that must come back, each matched by serial number.</summary>
public sealed record ReturnCase(Guid Id, Guid ContractId, ReturnCaseStatus Status, DateOnly ReturnDeadline, IReadOnlyList<ShippedDevice> ExpectedDevices, DateTimeOffset OpenedAt)
{
    /// <summary>Set when a successor contract replaces the devices: an exchange, services continue.</summary>
    public Guid? SuccessorContractId { get; init; }

    public ContractEndReason? EndReason { get; init; }

    public static ReturnCase Create(ReturnCaseStarted e) =>
        new(e.ReturnCaseId, e.ContractId, ReturnCaseStatus.AwaitingDevices, e.ReturnDeadline, e.ExpectedDevices, e.OpenedAt)
        {
            SuccessorContractId = e.SuccessorContractId,
            EndReason = e.EndReason,
        };
}

public sealed record ReturnCaseStarted(
    Guid ReturnCaseId,
    Guid ContractId,
    DateOnly ReturnDeadline,
    IReadOnlyList<ShippedDevice> ExpectedDevices,
    DateTimeOffset OpenedAt,
    Guid? SuccessorContractId = null,
    ContractEndReason? EndReason = null);

public static class ReturnPolicy
{
    /// <summary>Days after the contract's last day by which the devices must be back.</summary>
    public const int ReturnWindowDays = ReturnTerms.WindowDays;
}
