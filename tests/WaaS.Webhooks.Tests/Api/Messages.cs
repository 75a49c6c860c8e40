using WaaS.Contracts;

namespace WaaS.Webhooks.Tests.Api;

/// <summary>Integration events as the other services publish them.</summary>
public static class Messages
{
    public static readonly Customer Customer = new("Voorbeeld B.V.", "NL", "NL123456789B01", "ap@voorbeeld.example");

    public static readonly IReadOnlyList<DealLine> Lines =
    [
        new("NB-LAT-5450", "Dell Latitude 5450", "Dell", ItemKind.Device, 2, 35.00m, 120.00m),
        new("O365-BE", "Microsoft 365 Business Essentials", "Microsoft", ItemKind.SoftwareLicence, 2, 4.00m, 20.00m),
    ];

    public static readonly MonthlyAmount Monthly = new(78.00m, 16.38m, 94.38m);

    public static ContractSigned Signed(Guid reseller, Guid? contract = null, DateTimeOffset? at = null) =>
        new(contract ?? Guid.NewGuid(), reseller, Customer, 36, Lines, Monthly, 280.00m, at ?? DateTimeOffset.UtcNow);

    public static ContractActivated Activated(Guid reseller, Guid? contract = null, DateTimeOffset? at = null) =>
        new(contract ?? Guid.NewGuid(), reseller, Customer, 36, new DateOnly(2026, 3, 2), new DateOnly(2029, 3, 1), Monthly, Lines,
            [new ShippedDevice("NB-LAT-5450", "DL-001"), new ShippedDevice("NB-LAT-5450", "DL-002")], at ?? DateTimeOffset.UtcNow);

    public static SellOutReported SellOut(Guid reseller, Guid? contract = null) =>
        new(contract ?? Guid.NewGuid(), ["Dell", "Microsoft"], DateTimeOffset.UtcNow, reseller, "NL", new DateOnly(2026, 3, 2),
            [new SoldLine("Dell", "NB-LAT-5450", "Dell Latitude 5450", 2, ["DL-001", "DL-002"]),
             new SoldLine("Microsoft", "O365-BE", "Microsoft 365 Business Essentials", 2, [])]);

    public static AccountChanged Reseller(Guid id, Guid? parent = null, long version = 1) =>
        new(id, AccountKind.Reseller, $"Reseller {id.ToString()[..8]}", parent, true, true, true, version, DateTimeOffset.UtcNow);
}
