using Marten;
using WaaS.Contracts;
using WaaS.Credit.Bureau;

namespace WaaS.Credit.Customers;

/// <summary>What one contract adds to its customer's exposure.</summary>
public enum ExposureKind
{
    /// <summary>Approved (or awaiting review) but not active yet: the whole deal value.</summary>
    Deal,

    /// <summary>A running contract: its rates not yet due.</summary>
    Active,

    /// <summary>An early termination's fee, owed until billing reports it settled.</summary>
    TerminationFee,
}

/// <summary>
/// One contract's part of the exposure. An active contract's open amount is its monthly net rate times the rates still
/// to come (due on its start day each month, from <see cref="StartDate"/> to <see cref="EndDate"/>, from today on);
/// a deal or a termination fee is its fixed <see cref="Amount"/>.
/// </summary>
public sealed record ExposureItem(Guid ContractId, ExposureKind Kind, decimal Amount, decimal MonthlyNet = 0m, int TermMonths = 0,
    DateOnly? StartDate = null, DateOnly? EndDate = null)
{
    public decimal OpenOn(DateOnly today) => Kind == ExposureKind.Active ? MonthlyNet * RatesFrom(today) : Amount;

    /// <summary>How many monthly rates fall due on or after <paramref name="today"/>.</summary>
    public int RatesFrom(DateOnly today)
    {
        if (StartDate is not { } start || EndDate is not { } end)
        {
            return 0;
        }
        var rates = 0;
        for (var k = 0; start.AddMonths(k) <= end; k++)
        {
            if (start.AddMonths(k) >= today)
            {
                rates++;
            }
        }
        return rates;
    }
}

/// <summary>
/// A customer's open exposure across its contracts (id = <see cref="CustomerKey"/>), kept from credit's own decisions
/// and from contract and billing events; and its standing: dunning, and the last credit-bureau report. Written with
/// optimistic concurrency, so two deals of one customer checked at once do not both count only themselves.
/// </summary>
public sealed class CustomerExposure
{
    public string Id { get; set; } = "";

    public string CompanyName { get; set; } = "";

    public string Country { get; set; } = "";

    public string? VatId { get; set; }

    /// <summary>The end customer's account, when a contract named one (for reading by its people later).</summary>
    public Guid? AccountId { get; set; }

    public List<ExposureItem> Items { get; set; } = [];

    /// <summary>Returned debits not settled yet (gross EUR); part of the exposure.</summary>
    public decimal Overdue { get; set; }

    public bool InDunning { get; set; }

    public DateTimeOffset? InDunningSince { get; set; }

    public BureauReport? LastReport { get; set; }

    public DateTimeOffset? LastReportAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static CustomerExposure For(Customer customer) => new()
    {
        Id = CustomerKey.Of(customer),
        CompanyName = customer.CompanyName,
        Country = customer.Country,
        VatId = customer.VatId,
        AccountId = customer.AccountId,
    };

    /// <summary>The open exposure today: every contract's open amount (but <paramref name="excluding"/>'s) and what is overdue.</summary>
    public decimal Total(DateOnly today, Guid? excluding = null) =>
        Items.Where(i => i.ContractId != excluding).Sum(i => i.OpenOn(today)) + Overdue;

    /// <summary>A stored report younger than <paramref name="validFor"/>, for a re-check that needs no new one.</summary>
    public BureauReport? FreshReport(DateTimeOffset now, TimeSpan validFor) =>
        LastReport is not null && LastReportAt is { } at && now - at <= validFor ? LastReport : null;

    public void Deal(Guid contractId, decimal amount, int termMonths, DateTimeOffset now) =>
        Put(new ExposureItem(contractId, ExposureKind.Deal, amount, termMonths == 0 ? 0 : amount / termMonths, termMonths), now);

    public void Activated(ContractActivated e, DateTimeOffset now) =>
        Put(new ExposureItem(e.ContractId, ExposureKind.Active, 0m, e.Monthly.Net, e.TermMonths, e.StartDate, e.EndDate), now);

    /// <summary>The contract runs longer: its rates up to the new end date count.</summary>
    public void Extended(ContractExtended e, DateTimeOffset now)
    {
        var item = Items.FirstOrDefault(i => i.ContractId == e.ContractId && i.Kind == ExposureKind.Active);
        if (item is not null)
        {
            Put(item with { EndDate = e.NewEndDate, TermMonths = e.TermMonths, MonthlyNet = e.Monthly.Net }, now);
        }
    }

    /// <summary>No more rates; an early termination's fee is owed instead.</summary>
    public void Ended(Guid contractId, decimal terminationFee, DateTimeOffset now)
    {
        Items.RemoveAll(i => i.ContractId == contractId);
        if (terminationFee > 0)
        {
            Items.Add(new ExposureItem(contractId, ExposureKind.TerminationFee, terminationFee));
        }
        UpdatedAt = now;
    }

    /// <summary>The deal did not come about (rejected, cancelled): it no longer counts.</summary>
    public void Voided(Guid contractId, DateTimeOffset now)
    {
        Items.RemoveAll(i => i.ContractId == contractId && i.Kind == ExposureKind.Deal);
        UpdatedAt = now;
    }

    public void DebitReturned(decimal amount, DateTimeOffset returnedAt, DateTimeOffset now)
    {
        Overdue += amount;
        InDunning = true;
        InDunningSince ??= returnedAt;
        UpdatedAt = now;
    }

    public void DunningCleared(DateTimeOffset now)
    {
        Overdue = 0m;
        InDunning = false;
        InDunningSince = null;
        UpdatedAt = now;
    }

    public void Reported(BureauReport report, DateTimeOffset now)
    {
        LastReport = report;
        LastReportAt = now;
        UpdatedAt = now;
    }

    private void Put(ExposureItem item, DateTimeOffset now)
    {
        Items.RemoveAll(i => i.ContractId == item.ContractId);
        Items.Add(item);
        UpdatedAt = now;
    }
}

/// <summary>Which customer a contract belongs to (id = contract id), for the events that name only the contract.</summary>
public sealed record ContractLink(Guid Id, string CustomerKey);

public static class CustomerExposureSession
{
    /// <summary>
    /// Stages the exposure: a customer's first document is inserted, so a second first deal of the same customer checked
    /// at the same time fails (and is redelivered onto the stored one) instead of overwriting it; a loaded one is stored
    /// against the version it was loaded at (optimistic concurrency).
    /// </summary>
    public static void Keep(this IDocumentSession session, CustomerExposure exposure, bool isNew)
    {
        if (isNew)
        {
            session.Insert(exposure);
        }
        else
        {
            session.Store(exposure);
        }
    }
}
