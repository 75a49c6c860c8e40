using WaaS.ServiceDefaults.Security;
using JasperFx.Events.Projections;
using Marten;
using WaaS.Quoting.PriceLists.Publishing;
using WaaS.Quoting.PriceLists.Reading;
using WaaS.Quoting.PriceLists.Withdrawing;
using WaaS.ServiceDefaults.Http;

namespace WaaS.Quoting.PriceLists;

public static class Config
{
    public static StoreOptions AddPriceLists(this StoreOptions options)
    {
        options.Projections.Snapshot<PriceListBook>(SnapshotLifecycle.Inline);
        return options;
    }

    /// <summary>Operators publish and withdraw; nothing here changes a published price (no PUT, PATCH or DELETE).</summary>
    public static IEndpointRouteBuilder MapPriceLists(this IEndpointRouteBuilder app)
    {
        var lists = app.MapGroup("/price-lists").WithTags("Price lists");
        lists.MapGet("/", PriceListQueries.History).For(Party.Anyone);
        lists.MapGet("/current", PriceListQueries.Current).For(Party.Anyone);
        lists.MapGet("/{version:int}", PriceListQueries.ByNumber).For(Party.Anyone);
        lists.MapPost("/", PublishPriceList.Handle).ForDistributor();
        lists.MapPost("/withdrawals", WithdrawItem.Handle).ForDistributor();
        return app;
    }
}
