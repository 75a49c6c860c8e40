using WaaS.Contracts;

namespace WaaS.VendorReporting.Tests.SellOuts;

/// <summary>The integration messages vendor reporting hears.</summary>
public static partial class Deal
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Start = new(2026, 3, 5);

    /// <summary>Two Dell notebooks (shipped), Microsoft licences, Allianz insurance, and the reseller's own services.</summary>
    public static ContractActivated Activated(Guid? contractId = null) => new(
        contractId ?? Guid.NewGuid(), Guid.NewGuid(), new Customer("Voorbeeld B.V.", "NL", "NL123456789B01", "ap@voorbeeld.example"), 24,
        Start, Start.AddMonths(24).AddDays(-1), new MonthlyAmount(100m, 21m, 121m),
        [
            new DealLine("NB-LAT-5450", "Dell Latitude 5450", "Dell", ItemKind.Device, 2, 39.90m, 240m),
            new DealLine("O365-BE", "Microsoft 365 Business Essentials", "Microsoft", ItemKind.SoftwareLicence, 2, 5.60m, 20m),
            new DealLine("INS-DEV", "Device insurance", "Allianz", ItemKind.Insurance, 2, 4.50m, 10m),
            new DealLine("SVC-SETUP", "Set-up by the reseller", "Reseller", ItemKind.ResellerService, 1, 150m, 0m, BilledByReseller: true),
            new DealLine("SVC-HELPDESK", "Helpdesk billed by the reseller", "Lenovo", ItemKind.Option, 1, 20m, 0m, BilledByReseller: true),
        ],
        [new ShippedDevice("NB-LAT-5450", "DL-001"), new ShippedDevice("NB-LAT-5450", "DL-002")], Now);

    public static ContractExtended Extended(Guid contractId, int number) => new(
        contractId, Guid.NewGuid(), number, 3, 24 + (3 * number), Start.AddMonths(24 + (3 * (number - 1))).AddDays(-1),
        Start.AddMonths(24 + (3 * number)).AddDays(-1), new MonthlyAmount(100m, 21m, 121m), 60m, Now);
}
