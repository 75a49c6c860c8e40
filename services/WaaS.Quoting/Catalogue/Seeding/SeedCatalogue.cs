using WaaS.Contracts;

namespace WaaS.Quoting.Catalogue.Seeding;

/// <summary>The distributor's pre-selected vendors and the items resellers can put into a bundle.</summary>
public static class SeedCatalogue
{
    private static readonly string[] Notebooks = ["NB-LAT-5450", "NB-TP-E14", "NB-HP-840", "NB-MBA-13"];
    private static readonly string[] WindowsNotebooks14 = ["NB-LAT-5450", "NB-TP-E14", "NB-HP-840"];

    public static readonly IReadOnlyList<Vendor> Vendors =
    [
        new("Dell", "Dell Technologies", 36),
        new("Lenovo", "Lenovo", 36),
        new("HP", "HP Inc.", 36),
        new("Apple", "Apple", 36),
        new("Samsung", "Samsung Electronics", 36),
        new("Microsoft", "Microsoft", null),
        new("Allianz", "Allianz Direct", null),
        new("Acronis", "Acronis", null),
    ];

    public static readonly IReadOnlyList<CatalogueItem> Items =
    [
        new("NB-LAT-5450", "Dell Latitude 5450 notebook", "Dell", ItemKind.Device, WorkplaceDevice: true),
        new("NB-TP-E14", "Lenovo ThinkPad E14 notebook", "Lenovo", ItemKind.Device, WorkplaceDevice: true),
        new("NB-HP-840", "HP EliteBook 840 G11 notebook", "HP", ItemKind.Device, WorkplaceDevice: true),
        new("NB-MBA-13", "Apple MacBook Air 13\" M3", "Apple", ItemKind.Device, WorkplaceDevice: true),
        new("PHN-SAM-A55", "Samsung Galaxy A55 smartphone", "Samsung", ItemKind.Device, WorkplaceDevice: true),
        new("PHN-IP15", "Apple iPhone 15 smartphone", "Apple", ItemKind.Device, WorkplaceDevice: true),
        new("MON-P2425", "Dell P2425 24\" monitor", "Dell", ItemKind.Device),
        new("MON-P2725", "Dell P2725H 27\" monitor", "Dell", ItemKind.Device),
        new("MON-HP-E24", "HP E24 G5 24\" monitor", "HP", ItemKind.Device),
        new("DOCK-WD22", "Dell WD22TB4 docking station", "Dell", ItemKind.Device),
        new("DOCK-TP-UC", "Lenovo ThinkPad Universal USB-C dock", "Lenovo", ItemKind.Device),
        new("O365-BE", "Microsoft 365 Business Essentials", "Microsoft", ItemKind.SoftwareLicence, BundleDefault: true),
        new("O365-BP", "Microsoft 365 Business Premium (upgrade)", "Microsoft", ItemKind.Upgrade, Replaces: "O365-BE"),
        new("O365-E3", "Microsoft 365 E3 (upgrade)", "Microsoft", ItemKind.Upgrade, Replaces: "O365-BE"),
        new("INS-DEV", "Device insurance (theft, breakage)", "Allianz", ItemKind.Insurance, BundleDefault: true),
        new("INS-DEV-PLUS", "Device insurance plus (worldwide, loss) (upgrade)", "Allianz", ItemKind.Upgrade, Replaces: "INS-DEV"),
        new("BKP-100", "Cloud backup 100 GB", "Acronis", ItemKind.CloudBackup, BundleDefault: true),
        new("BKP-1TB", "Cloud backup 1 TB (upgrade)", "Acronis", ItemKind.Upgrade, Replaces: "BKP-100"),
        new("OPT-PRIV-14", "Privacy filter 14\"", "Dell", ItemKind.Option, BaseSkus: WindowsNotebooks14),
        new("OPT-NBD", "Next-business-day on-site service", "Dell", ItemKind.Option, BaseSkus: Notebooks),
    ];
}
