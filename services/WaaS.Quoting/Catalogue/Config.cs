using Marten;
using WaaS.Quoting.Catalogue.Browsing;
using WaaS.Quoting.Catalogue.Seeding;
using WaaS.ServiceDefaults.Security;

namespace WaaS.Quoting.Catalogue;

public static class Config
{
    public static StoreOptions AddCatalogue(this StoreOptions options)
    {
        options.Schema.For<Vendor>();
        options.Schema.For<CatalogueItem>();
        return options;
    }

    public static IServiceCollection AddCatalogueSeed(this IServiceCollection services) =>
        services.AddHostedService<CatalogueSeeder>();

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        // Every WaaS caller may browse; the catalogue is maintained by the seed and the distributor's price lists.
        var catalogue = app.MapGroup("/catalogue").WithTags("Catalogue").For(Party.Anyone);
        catalogue.MapGet("/", BrowseCatalogue.Items);
        catalogue.MapGet("/items/{sku}", BrowseCatalogue.Item);
        catalogue.MapGet("/vendors", BrowseCatalogue.Vendors);
        return app;
    }
}
