using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace WaaS.Accounts.Identity;

/// <summary>A data-protection key as stored (the login and antiforgery cookies are protected with these keys).</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>Keeps ASP.NET Core's data-protection keys in the service's database, so every replica reads the login
/// and antiforgery cookies another replica wrote, and a restart keeps people signed in.</summary>
internal sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        // IXmlRepository is synchronous; the key ring is read once and then cached for hours.
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return [.. keys.Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        // IXmlRepository is synchronous; a key is written rarely (about every 90 days).
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public static class DataProtectionConfig
{
    public static IServiceCollection AddDataProtectionInDatabase(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("waas-accounts");
        services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore>((options, store) => options.XmlRepository = new MartenXmlRepository(store));
        return services;
    }
}
