using Marten;
using WaaS.Contracts;
using WaaS.Documents.Contracts;

namespace WaaS.Notifications.Deals;

/// <summary>
/// What this service remembers of a deal to write to its people: the customer and reseller, the frozen terms, and
/// the dates as they become known. Filled from QuoteAccepted, ContractSigned and ContractActivated.
/// </summary>
public sealed record Deal(
    Guid Id,
    Guid ResellerId,
    Customer Customer,
    int TermMonths,
    IReadOnlyList<DealLine> Lines,
    MonthlyAmount Monthly,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SignedAt = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null)
{
    public Guid? CustomerAccountId => Customer.AccountId;

    public ContractModel Contract() =>
        new(Id, CreatedAt, Customer, TermMonths, [.. Lines.Select(l => l with { Commission = 0 })], Monthly,
            SignedAt is { } at ? new Signatures(at) : null);
}

public static class Config
{
    public static StoreOptions AddDeals(this StoreOptions options)
    {
        options.Schema.For<Deal>().Index(d => d.ResellerId);
        return options;
    }
}
