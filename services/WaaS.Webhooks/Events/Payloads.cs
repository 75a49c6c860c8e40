using WaaS.Contracts;

namespace WaaS.Webhooks.Events;

// The public payloads (CloudEvents `data`), one record per event type and version. They are the partner's contract:
// change one only by adding a new version (contract.activated.v2), never by editing a published one.

/// <summary>The end customer, as a partner's ERP books it.</summary>
public sealed record CustomerV1(string CompanyName, string Country, string? VatId, Guid? AccountId)
{
    public static CustomerV1 From(Customer c) => new(c.CompanyName, c.Country, c.VatId, c.AccountId);
}

/// <summary>Net, VAT and gross per month, EUR.</summary>
public sealed record MoneyV1(decimal Net, decimal Vat, decimal Gross, string Currency = "EUR")
{
    public static MoneyV1 From(MonthlyAmount m) => new(m.Net, m.Vat, m.Gross);
}

/// <summary>One item of the contract: quantity, monthly price per unit (net, EUR) and the reseller's commission per unit for the term.</summary>
public sealed record ItemV1(string Sku, string Description, string Vendor, string Kind, int Quantity, decimal MonthlyPrice, decimal Commission, bool BilledByReseller)
{
    public static ItemV1 From(DealLine l) => new(l.Sku, l.Description, l.Vendor, l.Kind.ToString(), l.Quantity, l.MonthlyPrice, l.Commission, l.BilledByReseller);
}

/// <summary>A device by its serial number.</summary>
public sealed record DeviceV1(string Sku, string SerialNumber);

/// <summary>contract.signed.v1: customer and distributor have signed; the credit check follows.</summary>
public sealed record ContractSignedV1(
    Guid ContractId, Guid ResellerId, CustomerV1 Customer, int TermMonths, IReadOnlyList<ItemV1> Items, MoneyV1 Monthly,
    decimal TotalCommission, Guid? PredecessorId, string Role, DateTimeOffset SignedAt);

/// <summary>contract.activated.v1: the devices arrived; the contract runs from start to end date inclusive.</summary>
public sealed record ContractActivatedV1(
    Guid ContractId, Guid ResellerId, CustomerV1 Customer, int TermMonths, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<ItemV1> Items, MoneyV1 Monthly, IReadOnlyList<DeviceV1> Devices, string Role, DateTimeOffset ActivatedAt);

/// <summary>contract.extended.v1: the contract runs longer at its original conditions; the commission of the extension.</summary>
public sealed record ContractExtendedV1(
    Guid ContractId, Guid ResellerId, int ExtensionNumber, int AddedMonths, int TermMonths, DateOnly PreviousEndDate,
    DateOnly NewEndDate, MoneyV1 Monthly, decimal Commission, IReadOnlyList<ItemV1>? Items, DateTimeOffset ExtendedAt);

/// <summary>contract.ending-soon.v1: the follow-up window opened (time to offer an extension or a successor).</summary>
public sealed record ContractEndingSoonV1(
    Guid ContractId, Guid ResellerId, DateOnly EndDate, int DaysLeft, IReadOnlyList<ItemV1>? Items, MoneyV1? Monthly, DateTimeOffset RemindedAt);

/// <summary>contract.ended.v1: end of term or early termination (with the fee); the devices are due back.</summary>
public sealed record ContractEndedV1(
    Guid ContractId, Guid ResellerId, string Reason, DateOnly EndDate, decimal TerminationFee, IReadOnlyList<DeviceV1> Devices,
    Guid? SuccessorId, Guid? CustomerAccountId, IReadOnlyList<ItemV1>? Items, DateTimeOffset EndedAt);

/// <summary>deal.rejected.v1: credit was refused; the contract is void.</summary>
public sealed record DealRejectedV1(Guid ContractId, Guid? ResellerId, string Reason, DateTimeOffset RejectedAt);

/// <summary>deal.cancelled.v1: the deal was cancelled before shipment; the contract is void.</summary>
public sealed record DealCancelledV1(Guid ContractId, Guid? ResellerId, string Reason, DateTimeOffset CancelledAt);

/// <summary>One vendor's product in a sale, with the serial numbers shipped.</summary>
public sealed record SellOutLineV1(string Vendor, string Sku, string Description, int Quantity, IReadOnlyList<string> SerialNumbers);

/// <summary>sellout.reported.v1: the deal was reported to its vendors as a sale. A vendor receives only its own lines.</summary>
public sealed record SellOutReportedV1(
    Guid ContractId, Guid? ResellerId, string? CustomerCountry, DateOnly? SaleDate, IReadOnlyList<SellOutLineV1> Lines, DateTimeOffset ReportedAt);

/// <summary>webhook.ping.v1: a test event sent on demand to one subscription.</summary>
public sealed record PingV1(Guid SubscriptionId, string Message, DateTimeOffset SentAt);
