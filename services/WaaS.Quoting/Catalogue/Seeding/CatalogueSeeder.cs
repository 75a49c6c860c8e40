using JasperFx.Events;
using Marten;
using WaaS.Quoting.PriceLists;

namespace WaaS.Quoting.Catalogue.Seeding;

/// <summary>
/// Loads the seed catalogue and, once, price-list version 1 before the service takes requests. Safe to run on
/// every start and on several instances at once: documents are upserted and the price-list stream is only
/// started when it does not exist (a concurrent start loses the race harmlessly).
/// </summary>
internal sealed class CatalogueSeeder(IDocumentStore store, TimeProvider clock, ILogger<CatalogueSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(SeedCatalogue.Vendors.ToArray());
        session.Store(SeedCatalogue.Items.ToArray());
        if (await session.Events.FetchStreamStateAsync(PriceListBook.StreamId, cancellationToken) is null)
        {
            session.Events.StartStream<PriceListBook>(PriceListBook.StreamId, new PriceListPublished(
                PriceListBook.StreamId, 1, SeedPrices.EffectiveFrom, SeedPrices.Prices, "seed", clock.GetUtcNow()));
        }
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ExistingStreamIdCollisionException)
        {
            logger.LogInformation("Another instance published price-list version 1 first");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
