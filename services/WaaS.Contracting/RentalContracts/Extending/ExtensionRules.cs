using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.Contracting.RentalContracts.Extending;

/// <summary>
/// Extension (DOMAIN.md): only contracts of 12 or 24 months; in steps of 3 months at the original conditions;
/// never beyond 36 months in total, nor beyond the device manufacturer's warranty.
/// </summary>
public static class ExtensionRules
{
    public const int StepMonths = 3;
    public const int MaximumTotalMonths = 36;
    /// <summary>Every listed vendor gives a 3-year warranty; a line may say otherwise.</summary>
    public const int DefaultWarrantyMonths = 36;

    /// <summary>The first rule <paramref name="months"/> breaks, or null when the extension is allowed.</summary>
    public static Refusal? Check(RentalContract contract, int months)
    {
        if (contract.Status != ContractStatus.Active)
        {
            return Refusal.Conflict("ExtendOnlyActiveContracts", $"The contract is {contract.Status}; only an active contract can be extended.");
        }
        if (contract.TermMonths is not (12 or 24))
        {
            return Refusal.Broken("ExtendOnly12Or24MonthTerms", $"Only contracts of 12 or 24 months can be extended; this one runs {contract.TermMonths} months.", "months");
        }
        if (months <= 0 || months % StepMonths != 0)
        {
            return Refusal.Broken("ExtendInStepsOf3Months", $"An extension adds a multiple of {StepMonths} months; {months} is not.", "months");
        }
        var total = contract.TotalTermMonths + months;
        if (total > MaximumTotalMonths)
        {
            return Refusal.Broken("ExtensionMayNotExceed36Months",
                $"The contract would run {total} months in total; at most {MaximumTotalMonths} are allowed ({MaximumTotalMonths - contract.TotalTermMonths} more at most).", "months");
        }
        var warranty = WarrantyMonths(contract);
        if (total > warranty)
        {
            return Refusal.Broken("ExtensionMayNotExceedWarranty",
                $"The contract would run {total} months; the devices' warranty covers {warranty} months.", "months");
        }
        return null;
    }

    /// <summary>The shortest warranty among the contract's devices.</summary>
    public static int WarrantyMonths(RentalContract contract) =>
        contract.Lines.Where(l => l.Kind == ItemKind.Device).Select(l => l.WarrantyMonths ?? DefaultWarrantyMonths).DefaultIfEmpty(DefaultWarrantyMonths).Min();

    /// <summary>
    /// ExtensionCommissionProRata: the reseller earns the original commission's share for the added months
    /// (same conditions as the original term), rounded to the cent.
    /// </summary>
    public static decimal CommissionFor(RentalContract contract, int months) =>
        Math.Round(contract.TotalCommission * months / contract.TermMonths, 2, MidpointRounding.AwayFromZero);

    /// <summary>The new last day: the term's months counted from the start date, inclusive.</summary>
    public static DateOnly NewEndDate(RentalContract contract, int months) =>
        contract.StartDate!.Value.AddMonths(contract.TotalTermMonths + months).AddDays(-1);
}
