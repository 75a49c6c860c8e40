using WaaS.Contracts;

namespace WaaS.Returns.ReturnCases;

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

    /// <summary>The reseller that sold the contract (<see cref="Guid.Empty"/> before tenancy: the distributor's only).</summary>
    public Guid ResellerId { get; init; }

    /// <summary>The end customer's account, when the contract named one.</summary>
    public Guid? CustomerId { get; init; }

    public static ReturnCase Create(ReturnCaseOpened e) =>
        new(e.ReturnCaseId, e.ContractId, ReturnCaseStatus.AwaitingDevices, e.ReturnDeadline, e.ExpectedDevices, e.OpenedAt)
        {
            SuccessorContractId = e.SuccessorContractId,
            EndReason = e.EndReason,
            ResellerId = e.ResellerId ?? Guid.Empty,
            CustomerId = e.CustomerId,
        };
}
