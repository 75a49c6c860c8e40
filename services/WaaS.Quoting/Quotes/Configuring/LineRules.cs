using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.Quotes.Configuring;

/// <summary>
/// Catalogue lines outside bundles (extra monitors, docks, licences). An option needs a device it fits somewhere
/// in the quote; two different upgrades of the same default conflict.
/// </summary>
public static class LineRules
{
    public static IEnumerable<DealLine> Resolve(IReadOnlyList<QuoteLineRequest> requested, IReadOnlyList<string> bundleDevices, LineResolver resolver, Validation v)
    {
        var resolved = new List<(int Index, DealLine Line)>();
        for (var i = 0; i < requested.Count; i++)
        {
            var line = requested[i];
            v.Require(line.Quantity > 0, $"lines[{i}].quantity", "PositiveQuantity", "The quantity must be at least 1.");
            if (resolver.Resolve($"lines[{i}].sku", line.Sku) is { } item)
            {
                resolved.Add((i, resolver.Line(item, line.Quantity)));
            }
        }

        var devices = bundleDevices.Concat(resolved.Where(r => r.Line.Kind == ItemKind.Device).Select(r => r.Line.Sku)).ToList();
        var upgrades = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (i, line) in resolved)
        {
            var item = resolver.Catalogue.Find(line.Sku)!;
            if (item.Kind == ItemKind.Option)
            {
                v.Require(devices.Any(d => resolver.Catalogue.Find(d) is { WorkplaceDevice: true } && item.FitsDevice(d)), $"lines[{i}].sku",
                    "OptionNeedsBaseDevice", $"'{item.Id}' needs a device it fits in the quote ({string.Join(", ", item.BaseSkus ?? ["any notebook or phone"])}).");
            }
            if (item is { Kind: ItemKind.Upgrade, Replaces: { } replaces })
            {
                var other = upgrades.GetValueOrDefault(replaces);
                v.Require(other is null || other == item.Id, $"lines[{i}].sku", "UpgradesMayNotConflict",
                    $"'{item.Id}' and '{other}' both replace '{replaces}'; choose one.");
                upgrades.TryAdd(replaces, item.Id);
            }
        }
        return resolved.Select(r => r.Line);
    }
}
