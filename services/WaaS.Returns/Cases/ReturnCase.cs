using WaaS.Contracts;

namespace WaaS.Returns.Cases;

public enum ReturnCaseStatus
{
    AwaitingDevices,
}

/// <summary>The devices of an ended contract that must come back, each matched by serial number.</summary>
public sealed record ReturnCase(Guid Id, Guid ContractId, ReturnCaseStatus Status, DateOnly ReturnDeadline, IReadOnlyList<ShippedDevice> ExpectedDevices, DateTimeOffset OpenedAt)
{
    public static ReturnCase Create(ReturnCaseStarted e) =>
        new(e.ReturnCaseId, e.ContractId, ReturnCaseStatus.AwaitingDevices, e.ReturnDeadline, e.ExpectedDevices, e.OpenedAt);
}

public sealed record ReturnCaseStarted(Guid ReturnCaseId, Guid ContractId, DateOnly ReturnDeadline, IReadOnlyList<ShippedDevice> ExpectedDevices, DateTimeOffset OpenedAt);

public static class ReturnPolicy
{
    /// <summary>Days after the contract's last day by which the devices must be back.</summary>
    public const int ReturnWindowDays = 14;
}
