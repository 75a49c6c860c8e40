using WaaS.Contracts;

namespace WaaS.Quoting.Catalogue;

/// <summary>A pre-selected manufacturer or supplier. Hardware vendors give a warranty; software and service vendors do not (null).</summary>
public sealed record Vendor(string Id, string Name, int? WarrantyMonths);

/// <summary>
/// One item of the catalogue (prices live in the price list, not here).
/// <see cref="WorkplaceDevice"/>: may be the device of a seat bundle (notebooks, phones).
/// <see cref="BundleDefault"/>: part of every seat bundle unless an upgrade replaces it.
/// <see cref="Replaces"/>: for an upgrade, the bundle default it replaces.
/// <see cref="BaseSkus"/>: for an option, the devices it fits (empty: any workplace device).
/// </summary>
public sealed record CatalogueItem(
    string Id,
    string Description,
    string VendorId,
    ItemKind Kind,
    bool WorkplaceDevice = false,
    bool BundleDefault = false,
    string? Replaces = null,
    IReadOnlyList<string>? BaseSkus = null)
{
    public string Sku => Id;

    public bool FitsDevice(string deviceSku) => BaseSkus is not { Count: > 0 } || BaseSkus.Contains(deviceSku, StringComparer.OrdinalIgnoreCase);
}
