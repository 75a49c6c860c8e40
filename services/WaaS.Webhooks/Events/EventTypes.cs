using System.Text.Json;
using System.Text.Json.Serialization;
using WaaS.Contracts;

namespace WaaS.Webhooks.Events;

/// <summary>Who may subscribe to an event type: a reseller's side, a vendor, or both (a vendor sees only its lines).</summary>
[Flags]
public enum Audience
{
    Reseller = 1,
    Vendor = 2,
}

/// <summary>A public event type: its name (with version), payload, the internal message it comes from, and an example.</summary>
public sealed record EventType(string Name, Type Payload, Type? Message, Audience Audience, string Summary, object Example);

/// <summary>The one list of public event types: the consumer publishes exactly these and the catalogue describes them.</summary>
public static class EventTypes
{
    public const string ContractSigned = "contract.signed.v1";
    public const string ContractActivated = "contract.activated.v1";
    public const string ContractExtended = "contract.extended.v1";
    public const string ContractEndingSoon = "contract.ending-soon.v1";
    public const string ContractEnded = "contract.ended.v1";
    public const string DealRejected = "deal.rejected.v1";
    public const string DealCancelled = "deal.cancelled.v1";
    public const string SellOutReported = "sellout.reported.v1";
    public const string Ping = "webhook.ping.v1";

    /// <summary>camelCase, enums as strings: the JSON of every payload.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static readonly Guid ExampleContract = Guid.Parse("8c1d6a51-2f3e-4f7a-9d1e-5b0c4e2a7f10");
    private static readonly Guid ExampleReseller = Guid.Parse("3f2b9c44-7a1e-4c2d-8e5f-1a2b3c4d5e6f");
    private static readonly DateTimeOffset ExampleTime = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CustomerV1 ExampleCustomer = new("Voorbeeld B.V.", "NL", "NL123456789B01", null);
    private static readonly MoneyV1 ExampleMonthly = new(390.00m, 81.90m, 471.90m);
    private static readonly IReadOnlyList<ItemV1> ExampleItems =
        [new("LAT-5450", "Dell Latitude 5450", "Dell", nameof(ItemKind.Device), 10, 35.00m, 120.00m, false),
         new("O365-BE", "Microsoft 365 Business Essentials", "Microsoft", nameof(ItemKind.SoftwareLicence), 10, 4.00m, 20.00m, false)];

    public static readonly IReadOnlyList<EventType> All =
    [
        new(ContractSigned, typeof(ContractSignedV1), typeof(Contracts.ContractSigned), Audience.Reseller,
            "Customer and distributor signed the rental contract; the credit check follows.",
            new ContractSignedV1(ExampleContract, ExampleReseller, ExampleCustomer, 36, ExampleItems, ExampleMonthly, 1400.00m, null, "Reseller", ExampleTime)),
        new(ContractActivated, typeof(ContractActivatedV1), typeof(Contracts.ContractActivated), Audience.Reseller,
            "The devices arrived: the contract runs from its start date to its end date inclusive.",
            new ContractActivatedV1(ExampleContract, ExampleReseller, ExampleCustomer, 36, new DateOnly(2026, 3, 2), new DateOnly(2029, 3, 1),
                ExampleItems, ExampleMonthly, [new DeviceV1("LAT-5450", "SN-0001")], "Reseller", ExampleTime)),
        new(ContractExtended, typeof(ContractExtendedV1), typeof(Contracts.ContractExtended), Audience.Reseller,
            "A 12- or 24-month contract runs longer at its original conditions; the extension earns its own commission.",
            new ContractExtendedV1(ExampleContract, ExampleReseller, 1, 3, 27, new DateOnly(2028, 3, 1), new DateOnly(2028, 6, 1), ExampleMonthly, 150.00m, ExampleItems, ExampleTime)),
        new(ContractEndingSoon, typeof(ContractEndingSoonV1), typeof(Contracts.ContractEndingSoon), Audience.Reseller,
            "A running contract reached the follow-up window before its end date: time to offer an extension or a successor.",
            new ContractEndingSoonV1(ExampleContract, ExampleReseller, new DateOnly(2029, 3, 1), 90, ExampleItems, ExampleMonthly, ExampleTime)),
        new(ContractEnded, typeof(ContractEndedV1), typeof(Contracts.ContractEnded), Audience.Reseller,
            "A running contract ended (end of term, or early with a termination fee); its devices are due back.",
            new ContractEndedV1(ExampleContract, ExampleReseller, nameof(ContractEndReason.EndOfTerm), new DateOnly(2029, 3, 1), 0m,
                [new DeviceV1("LAT-5450", "SN-0001")], null, null, ExampleItems, ExampleTime)),
        new(DealRejected, typeof(DealRejectedV1), typeof(Contracts.DealRejected), Audience.Reseller,
            "The distributor declined the credit risk; the contract is void.",
            new DealRejectedV1(ExampleContract, ExampleReseller, "Credit limit exceeded", ExampleTime)),
        new(DealCancelled, typeof(DealCancelledV1), typeof(Contracts.DealCancelled), Audience.Reseller,
            "The deal was cancelled before shipment; the contract is void.",
            new DealCancelledV1(ExampleContract, ExampleReseller, "Customer withdrew", ExampleTime)),
        new(SellOutReported, typeof(SellOutReportedV1), typeof(Contracts.SellOutReported), Audience.Reseller | Audience.Vendor,
            "The deal was reported to its vendors as a sale, with the serial numbers shipped. A vendor receives only its own lines.",
            new SellOutReportedV1(ExampleContract, ExampleReseller, "NL", new DateOnly(2026, 3, 2),
                [new SellOutLineV1("Dell", "LAT-5450", "Dell Latitude 5450", 10, ["SN-0001"])], ExampleTime)),
        new(Ping, typeof(PingV1), null, Audience.Reseller | Audience.Vendor,
            "A test event sent on demand (POST /subscriptions/{id}/ping) to one subscription.",
            new PingV1(Guid.Parse("0b7f3a2c-1d4e-4f5a-8b6c-7d8e9f0a1b2c"), "ping", ExampleTime)),
    ];

    public static EventType? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>The types a party may subscribe to.</summary>
    public static IEnumerable<EventType> For(Audience audience) => All.Where(t => (t.Audience & audience) != 0);
}
