using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Security;
using WaaS.Webhooks.Events;

namespace WaaS.Webhooks.Catalogue;

/// <summary>An event type as the catalogue lists it.</summary>
public sealed record EventTypeView(string Name, string Summary, IReadOnlyList<string> Audience, string Schema);

public static class Config
{
    /// <summary>Every WaaS caller may read the catalogue (a partner reads it with the token it subscribes with).</summary>
    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        var catalogue = app.MapGroup("/catalogue").WithTags("Catalogue").For(Party.Anyone);
        var document = AsyncApiDocument.Build().ToJsonString();
        catalogue.MapGet("/asyncapi.json", () => TypedResults.Text(document, "application/json"));
        catalogue.MapGet("/event-types", () => TypedResults.Ok<IReadOnlyList<EventTypeView>>([.. EventTypes.All.Select(t => new EventTypeView(
            t.Name, t.Summary, [.. Enum.GetValues<Audience>().Where(a => t.Audience.HasFlag(a)).Select(a => a.ToString())], $"/catalogue/schemas/{t.Name}"))]));
        catalogue.MapGet("/schemas/{type}", Results<ContentHttpResult, ProblemHttpResult> (string type) =>
            EventTypes.Find(type.EndsWith(".json", StringComparison.Ordinal) ? type[..^5] : type) is { } found
                ? TypedResults.Text(AsyncApiDocument.Schema(found).ToJsonString(), "application/schema+json")
                : Problems.NotFound("Event type", type));
        return app;
    }
}
