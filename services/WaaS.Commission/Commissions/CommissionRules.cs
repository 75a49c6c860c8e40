using WaaS.ServiceDefaults.Writes;

namespace WaaS.Commission.Commissions;

/// <summary>
/// Exactly once: a contract pays its commission once, and each extension once more. The inbox drops a redelivered
/// message; these rules refuse the same fact replayed under a new message id (logged; the first recording stands).
/// </summary>
public static class CommissionRules
{
    public static Refusal? CommissionOncePerContract(ResellerCommission? existing) => existing is null ? null
        : Refusal.Conflict("CommissionOncePerContract",
            $"Commission of {existing.Amount:0.00} EUR for contract {existing.Id} is already payable; the first recording stands.", "contractId");

    public static Refusal? ExtensionCommissionOnce(ResellerCommission commission, int extensionNumber) =>
        commission.Extensions.Any(e => e.ExtensionNumber == extensionNumber)
            ? Refusal.Conflict("ExtensionCommissionOnce",
                $"Commission for extension {extensionNumber} of contract {commission.Id} is already payable.", "extensionNumber")
            : null;
}
