using WaaS.Contracts;

namespace WaaS.Returns.ReturnCases;

/// <summary>
/// The same fact as the integration message <c>Contracts.ReturnCaseOpened</c>, with what the case keeps: the owning
/// reseller and the end customer's account (both null in cases opened before tenancy).
/// </summary>
public sealed record ReturnCaseOpened(
    Guid ReturnCaseId,
    Guid ContractId,
    DateOnly ReturnDeadline,
    IReadOnlyList<ShippedDevice> ExpectedDevices,
    DateTimeOffset OpenedAt,
    Guid? SuccessorContractId = null,
    ContractEndReason? EndReason = null,
    Guid? ResellerId = null,
    Guid? CustomerId = null);
