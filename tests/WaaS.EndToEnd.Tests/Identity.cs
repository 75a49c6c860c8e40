using System.Text.Json.Nodes;

namespace WaaS.EndToEnd.Tests;

/// <summary>
/// The development tenant set the Accounts service seeds (tests/WaaS.Accounts.Tests/DevTenants.json, checked against
/// the seeder by that project's tests): account ids, machine clients and their secrets.
/// </summary>
public sealed class DevTenants(JsonNode document)
{
    public static DevTenants Load(string repositoryRoot) =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "tests", "WaaS.Accounts.Tests", "DevTenants.json")))!);

    /// <summary>An account id by its name in the file (distributor, reseller1, reseller2, subReseller, customer1, vendor).</summary>
    public Guid Account(string name) => document["accounts"]![name]!.GetValue<Guid>();

    /// <summary>A machine client's development secret.</summary>
    public string Secret(string clientId) => document["clients"]![clientId]!["secret"]!.GetValue<string>();

    /// <summary>The vendor's catalogue name.</summary>
    public string VendorName => document["vendorName"]!.GetValue<string>();
}
