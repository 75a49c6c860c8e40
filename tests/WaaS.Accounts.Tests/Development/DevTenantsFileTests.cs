using System.Text.Json.Nodes;
using FluentAssertions;
using WaaS.Accounts.Development;
using Xunit;

namespace WaaS.Accounts.Tests.Development;

/// <summary>DevTenants.json (for demo.sh and the end-to-end tests) says what the service really seeds.</summary>
public sealed class DevTenantsFileTests
{
    private static readonly JsonNode File = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DevTenants.json")))!;

    [Fact]
    public void The_file_lists_the_seeded_accounts_clients_and_users()
    {
        File["password"]!.GetValue<string>().Should().Be(DevelopmentTenants.Password);
        File["vendorName"]!.GetValue<string>().Should().Be(DevelopmentTenants.VendorName);
        File["accounts"]!.AsObject().Select(a => Guid.Parse(a.Value!.GetValue<string>()))
            .Should().BeEquivalentTo(DevelopmentTenants.Accounts.Select(a => a.Id));
        foreach (var client in DevelopmentTenants.MachineClients)
        {
            var entry = File["clients"]![client.ClientId]!;
            entry["secret"]!.GetValue<string>().Should().Be(client.Secret);
            entry["tenants"]!.AsArray().Select(t => Guid.Parse(t!.GetValue<string>())).Should().Equal(client.Tenants.Select(t => t.TenantId));
            entry["role"]!.GetValue<string>().Should().Be(client.Tenants[0].Role);
        }
        File["clients"]!.AsObject().Count.Should().Be(DevelopmentTenants.MachineClients.Count);
        foreach (var user in DevelopmentTenants.Users)
        {
            var entry = File["users"]![user.Email]!;
            Guid.Parse(entry["id"]!.GetValue<string>()).Should().Be(user.Id);
            Guid.Parse(entry["tenant"]!.GetValue<string>()).Should().Be(user.TenantId);
            entry["role"]!.GetValue<string>().Should().Be(user.Role);
        }
        File["console"]!["redirectUris"]!.AsArray().Select(u => u!.GetValue<string>()).Should().Equal(DevelopmentTenants.ConsoleRedirectUris);
        DevelopmentTenants.Distributor.Should().Be(WaaS.Testing.As.DistributorId, "tests and the seed share the distributor's id");
    }

    [Fact]
    public void The_seeded_vendor_is_named_as_the_quoting_catalogue_spells_it()
    {
        // services/WaaS.Quoting/Catalogue/Seeding/SeedCatalogue.cs lists Dell, Lenovo, HP, Apple, Samsung, Microsoft, Allianz, Acronis.
        new[] { "Dell", "Lenovo", "HP", "Apple", "Samsung", "Microsoft", "Allianz", "Acronis" }.Should().Contain(DevelopmentTenants.VendorName);
    }
}
