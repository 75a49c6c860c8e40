using Marten;
using WaaS.Quoting.Catalogue.Browsing;
using WaaS.Quoting.Catalogue.Seeding;

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
        var catalogue = app.MapGroup("/catalogue").WithTags("Catalogue");
        catalogue.MapGet("/", BrowseCatalogue.Items);
        catalogue.MapGet("/items/{sku}", BrowseCatalogue.Item);
        catalogue.MapGet("/vendors", BrowseCatalogue.Vendors);
        return app;
    }
}
