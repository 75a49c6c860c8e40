using WaaS.Contracts;

namespace WaaS.Notifications.Tests;

/// <summary>One deal's messages, as Quoting, Contracting, Credit and Logistics publish them.</summary>
public sealed class TestDeal(DateTimeOffset now, string country = "DE")
{
    public Guid QuoteId { get; } = Guid.NewGuid();
    public Guid ContractId { get; } = Guid.NewGuid();
    public Guid ResellerId { get; } = Guid.NewGuid();
    public Guid CustomerAccountId { get; } = Guid.NewGuid();
    public string CustomerEmail { get; } = $"ap-{Guid.NewGuid():N}@kunde.example";

    public Customer Customer => new($"Kunde {ContractId.ToString()[..4]} GmbH", country, country == "DE" ? "DE123456789" : "NL123456789B01",
        CustomerEmail, "Erika Muster", CustomerAccountId);

    public IReadOnlyList<DealLine> Lines { get; } =
    [
        new("NB-LAT-5450", "Latitude 5450", "Dell", ItemKind.Device, 2, 45.5m, 120m),
        new("O365-BP", "Microsoft 365 Business Premium", "Microsoft", ItemKind.Upgrade, 2, 20m, 30m),
    ];

    public MonthlyAmount Monthly { get; } = new(131m, 24.89m, 155.89m);

    public string QuoteReference => $"Q-{QuoteId.ToString("N")[^8..].ToUpperInvariant()}-1";

    public string ContractReference => $"C-{ContractId.ToString("N")[..8].ToUpperInvariant()}";

    public QuoteSent QuoteSent() => new(QuoteId, ResellerId, QuoteReference, 1, Customer, CustomerEmail, "Erika Muster", 36,
        [.. Lines.Select(l => l with { Commission = 0 })], Monthly, 0.19m, 131m * 36, 155.89m * 36, now, DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), now);

    public QuoteAccepted Accepted() => new(QuoteId, ContractId, ResellerId, Customer, 36, Lines, Monthly, 300m, now.AddDays(1));

    public ContractSigned Signed() => new(ContractId, ResellerId, Customer, 36, Lines, Monthly, 300m, now.AddDays(2));

    public CreditApproved Approved() => new(ContractId, 5612m, now.AddDays(2));

    public ShipmentDispatched Dispatched() => new(Guid.NewGuid(), ContractId, "DHL", "JJD0001", [new("NB-LAT-5450", "SN1"), new("NB-LAT-5450", "SN2")], now.AddDays(3));

    public ContractActivated Activated() => new(ContractId, ResellerId, Customer, 36, new DateOnly(2026, 3, 9), new DateOnly(2029, 3, 8), Monthly, Lines,
        [new("NB-LAT-5450", "SN1"), new("NB-LAT-5450", "SN2")], now.AddDays(4));
}
