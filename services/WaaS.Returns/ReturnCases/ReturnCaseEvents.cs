using WaaS.Contracts;

namespace WaaS.Returns.ReturnCases;

/// <summary>The same fact as the integration message <c>Contracts.ReturnCaseOpened</c>, with what the case keeps.</summary>
public sealed record ReturnCaseOpened(
    Guid ReturnCaseId,
    Guid ContractId,
    DateOnly ReturnDeadline,
    IReadOnlyList<ShippedDevice> ExpectedDevices,
    DateTimeOffset OpenedAt,
    Guid? SuccessorContractId = null,
    ContractEndReason? EndReason = null);
