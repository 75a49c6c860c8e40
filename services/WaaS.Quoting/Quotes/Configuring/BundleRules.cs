using WaaS.Contracts;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.Quotes.Configuring;

/// <summary>
/// Expands seats × bundle into lines: the workplace device, each bundle default (or the upgrade replacing it)
/// and the options, all with the bundle's seat count.
/// </summary>
public static class BundleRules
{
    public static IEnumerable<DealLine> Expand(BundleRequest bundle, string field, LineResolver resolver, Validation v)
    {
        v.Require(bundle.Seats > 0, $"{field}.seats", "PositiveQuantity", "A bundle needs at least one seat.");
        var device = resolver.Resolve($"{field}.device", bundle.Device);
        if (device is { } d)
        {
            v.Require(d.Item.Kind == ItemKind.Device && d.Item.WorkplaceDevice, $"{field}.device", "BundleDeviceIsWorkplaceDevice",
                $"'{d.Item.Id}' cannot carry a seat bundle; choose a notebook or phone.");
        }

        var replacements = new Dictionary<string, DealLine>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; bundle.Upgrades is not null && j < bundle.Upgrades.Count; j++)
        {
            var upgradeField = $"{field}.upgrades[{j}]";
            if (resolver.Resolve(upgradeField, bundle.Upgrades[j]) is not { } upgrade)
            {
                continue;
            }
            var replaces = upgrade.Item.Replaces;
            if (upgrade.Item.Kind != ItemKind.Upgrade || replaces is null || resolver.Catalogue.Find(replaces) is not { BundleDefault: true })
            {
                v.Require(false, upgradeField, "UpgradeReplacesBundleDefault", $"'{upgrade.Item.Id}' is not an upgrade of a bundle default.");
                continue;
            }
            if (replacements.TryGetValue(replaces, out var earlier))
            {
                v.Require(false, upgradeField, "UpgradesMayNotConflict",
                    $"'{upgrade.Item.Id}' and '{earlier.Sku}' both replace '{replaces}'; choose one.");
                continue;
            }
            replacements[replaces] = resolver.Line(upgrade, bundle.Seats);
        }

        var options = new List<DealLine>();
        for (var j = 0; bundle.Options is not null && j < bundle.Options.Count; j++)
        {
            var optionField = $"{field}.options[{j}]";
            if (resolver.Resolve(optionField, bundle.Options[j]) is not { } option)
            {
                continue;
            }
            var isAccessory = option.Item.Kind == ItemKind.Device && !option.Item.WorkplaceDevice;
            v.Require(option.Item.Kind == ItemKind.Option || isAccessory, optionField, "OptionOrAccessory",
                $"'{option.Item.Id}' is a {option.Item.Kind}, not an option or accessory.");
            v.Require(device is null || option.Item.FitsDevice(device.Value.Item.Id), optionField, "OptionNeedsBaseDevice",
                $"'{option.Item.Id}' does not fit '{bundle.Device}'; it needs one of {string.Join(", ", option.Item.BaseSkus ?? [])}.");
            options.Add(resolver.Line(option, bundle.Seats));
        }

        if (device is not { } seatDevice)
        {
            return [];
        }
        var defaults = resolver.Catalogue.BundleDefaults.Select(item => replacements.GetValueOrDefault(item.Id)
            ?? (resolver.Resolve(field, item.Id) is { } resolved ? resolver.Line(resolved, bundle.Seats) : null));
        return [resolver.Line(seatDevice, bundle.Seats), .. defaults.OfType<DealLine>(), .. options];
    }
}
