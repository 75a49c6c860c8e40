using MassTransit;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;

namespace WaaS.VendorReporting.SellOuts.Reporting;

/// <summary>An active contract is a sale for each vendor of its items: reported once, with the serial numbers shipped.</summary>
public static class ReportSellOut
{
    public static Decision Decide(SellOutReport? existing, ContractActivated contract, DateTimeOffset now)
    {
        if (existing is not null)
        {
            // The same activation again (under another message id): the sale is reported once.
            return Decision.Nothing;
        }
        var entries = Entries(contract);
        return Decision.Append(new SellOutReported(contract.ContractId, entries, now, contract.ResellerId))
            .AndPublish(new Contracts.SellOutReported(contract.ContractId, [.. entries.Select(e => e.Vendor)], now,
                contract.ResellerId, contract.Customer.Country, contract.StartDate,
                [.. entries.SelectMany(e => e.Products.Select(p => new SoldLine(e.Vendor, p.Sku, p.Description, p.Quantity, p.SerialNumbers)))]));
    }

    /// <summary>Groups the deal's items by vendor; the reseller's own services (and whatever it bills itself) are no vendor's sale.</summary>
    public static IReadOnlyList<VendorSellOut> Entries(ContractActivated contract) =>
        [.. contract.Lines
            .Where(l => !l.BilledByReseller && l.Kind != ItemKind.ResellerService)
            .GroupBy(l => l.Vendor)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new VendorSellOut(g.Key, contract.ResellerId, contract.Customer.Country, contract.ContractId, contract.StartDate,
                [.. g.Select(l => new SoldProduct(l.Sku, l.Description, l.Quantity,
                    [.. contract.Devices.Where(d => d.Sku == l.Sku).Select(d => d.SerialNumber)]))]))];
}

public sealed class ContractActivatedConsumer(TimeProvider clock) : IConsumer<ContractActivated>
{
    public Task Consume(ConsumeContext<ContractActivated> context) =>
        context.DecideAsync<SellOutReport>(context.Message.ContractId,
            existing => ReportSellOut.Decide(existing, context.Message, clock.GetUtcNow()));
}
