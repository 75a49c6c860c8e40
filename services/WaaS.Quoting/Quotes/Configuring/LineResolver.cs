using WaaS.Contracts;
using WaaS.Quoting.Catalogue;
using WaaS.Quoting.PriceLists;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.Quotes.Configuring;

/// <summary>Looks an item up for the quote's term and turns it into a priced line, naming the field of every failure.</summary>
public sealed class LineResolver(PricedCatalogue catalogue, int termMonths, Validation v)
{
    public PricedCatalogue Catalogue => catalogue;

    /// <summary>The item with its price for the term, or null after recording why it cannot be sold.</summary>
    public (CatalogueItem Item, PriceEntry Price)? Resolve(string field, string? sku)
    {
        if (string.IsNullOrWhiteSpace(sku))
        {
            v.Require(false, field, "Required", $"'{field}' is required.");
            return null;
        }
        var item = catalogue.Find(sku);
        if (item is null)
        {
            v.Require(false, field, "KnownItem", $"'{sku}' is not in the catalogue.");
            return null;
        }
        if (catalogue.IsWithdrawn(item.Id))
        {
            v.Require(false, field, "ItemNotWithdrawn", $"'{item.Id}' is withdrawn from new quotes.");
            return null;
        }
        if (!Terms.IsValid(termMonths))
        {
            return null; // the term itself is reported once, on termMonths
        }
        var price = catalogue.Prices.Find(item.Id, termMonths);
        if (price is null)
        {
            v.Require(false, field, "OfferedForTerm", $"'{item.Id}' is not offered for {termMonths} months.");
            return null;
        }
        if (item.Kind == ItemKind.Device && catalogue.Vendors.GetValueOrDefault(item.VendorId)?.WarrantyMonths is { } warranty && warranty < termMonths)
        {
            // The distributor rents only what the manufacturer's warranty covers for the whole term.
            v.Require(false, field, "TermWithinWarranty", $"'{item.Id}' has a {warranty}-month warranty; the term cannot be longer.");
            return null;
        }
        return (item, price);
    }

    /// <summary>
    /// The frozen line of a resolved item. A device carries its vendor's warranty, so the contract can later refuse
    /// an extension beyond it (DOMAIN: never past the device's warranty).
    /// </summary>
    public DealLine Line((CatalogueItem Item, PriceEntry Price) resolved, int quantity) =>
        new(resolved.Item.Id, resolved.Item.Description, resolved.Item.VendorId, resolved.Item.Kind, quantity,
            resolved.Price.MonthlyPrice, resolved.Price.Commission,
            WarrantyMonths: resolved.Item.Kind == ItemKind.Device ? catalogue.Vendors.GetValueOrDefault(resolved.Item.VendorId)?.WarrantyMonths : null);
}
