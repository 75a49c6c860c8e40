using WaaS.Contracting.RentalContracts;
using WaaS.Contracts;

namespace WaaS.Contracting.Tests;

/// <summary>Contracts folded from their events, as the aggregate would be after each step.</summary>
public static class GivenContract
{
    public static readonly Guid Reseller = Guid.Parse("11111111-1111-1111-1111-111111111111");

    public static RentalContract Draft(int termMonths = 12, int? warrantyMonths = null, string customer = "Muster GmbH", Guid? reseller = null)
    {
        var id = Guid.NewGuid();
        DealLine[] lines =
        [
            new("NB-TP-E14", "ThinkPad E14", "Lenovo", ItemKind.Device, 2, 30m, 120m, WarrantyMonths: warrantyMonths),
            new("O365-BE", "Microsoft 365 Business Essentials", "Microsoft", ItemKind.SoftwareLicence, 2, 6m, 12m),
        ];
        return RentalContract.Create(new ContractDrafted(id, Guid.NewGuid(), reseller ?? Reseller,
            new Customer(customer, "DE", "DE123456789", "ap@muster.example"), termMonths, lines,
            new MonthlyAmount(72m, 13.68m, 85.68m), 264m, DateTimeOffset.UnixEpoch));
    }

    public static RentalContract Active(DateOnly start, int termMonths = 12, int? warrantyMonths = null, string customer = "Muster GmbH", Guid? reseller = null)
    {
        var draft = Draft(termMonths, warrantyMonths, customer, reseller);
        var signed = draft.Apply(new SignedByCustomer(draft.Id, "Erika", DateTimeOffset.UnixEpoch))
            .Apply(new CountersignedByDistributor(draft.Id, "Ops", DateTimeOffset.UnixEpoch));
        return signed.Apply(new WaaS.Contracting.RentalContracts.ContractActivated(draft.Id, start, start.AddMonths(termMonths).AddDays(-1),
            [new ShippedDevice("NB-TP-E14", "SN-1"), new ShippedDevice("NB-TP-E14", "SN-2")], DateTimeOffset.UnixEpoch));
    }

    public static RentalContract Extended(this RentalContract contract, int months, DateTimeOffset at) =>
        contract.Apply(new WaaS.Contracting.RentalContracts.ContractExtended(contract.Id, months, contract.EndDate!.Value,
            contract.StartDate!.Value.AddMonths(contract.TotalTermMonths + months).AddDays(-1), 0m, at));
}
