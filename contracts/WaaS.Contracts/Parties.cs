namespace WaaS.Contracts;

/// <summary>
/// The end customer of a deal: a business, billed in EUR with VAT by its country. <see cref="BillingContactName"/>
/// is the person invoices are addressed to (added later, so optional). <see cref="AccountId"/> is the end customer's
/// account (AccountKind.Customer) when the reseller registered one: its people may then read their own contracts.
/// </summary>
public sealed record Customer(string CompanyName, string Country, string? VatId, string BillingEmail, string? BillingContactName = null, Guid? AccountId = null);

/// <summary>
/// One line of a deal, frozen at acceptance. <see cref="MonthlyPrice"/> is per unit and month (net, EUR);
/// <see cref="Commission"/> is per unit for the whole term. Lines billed by the reseller are shown to the
/// customer but never billed, collected or paid out by the platform. <see cref="WarrantyMonths"/> is the
/// vendor's maximum warranty for a device; unknown means the listed vendors' standard 36 months.
/// </summary>
public sealed record DealLine(
    string Sku,
    string Description,
    string Vendor,
    ItemKind Kind,
    int Quantity,
    decimal MonthlyPrice,
    decimal Commission,
    bool BilledByReseller = false,
    int? WarrantyMonths = null);

/// <summary>What a catalogue item is; devices are shipped and tracked by serial number.</summary>
public enum ItemKind
{
    Device,
    SoftwareLicence,
    Insurance,
    CloudBackup,
    Option,
    Upgrade,
    ResellerService,
}

/// <summary>The monthly amount of a deal, by the customer's VAT rate.</summary>
public sealed record MonthlyAmount(decimal Net, decimal Vat, decimal Gross);

/// <summary>A device handed to a carrier, identified by its serial number from here on.</summary>
public sealed record ShippedDevice(string Sku, string SerialNumber);
