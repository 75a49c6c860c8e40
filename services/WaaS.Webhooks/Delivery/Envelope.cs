using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using WaaS.Contracts;
using WaaS.Webhooks.Events;
using WaaS.Webhooks.Subscriptions;

namespace WaaS.Webhooks.Delivery;

/// <summary>
/// The body of a delivery: a CloudEvents 1.0 event in structured JSON mode (id = the event id, stable across retries
/// and replays), its data shaped for the subscription's owner (a vendor sees only its own sell-out lines).
/// </summary>
public static class Envelope
{
    private static readonly JsonEventFormatter Formatter = new(EventTypes.Json, new JsonDocumentOptions());

    public static (byte[] Body, string ContentType) Encode(WebhookEvent e, Subscription subscription)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = e.Id.ToString(),
            Type = e.Type,
            Source = new Uri(e.Source, UriKind.RelativeOrAbsolute),
            Subject = e.Subject,
            Time = e.Time,
            DataContentType = MediaTypeNames.Application.Json,
            Data = JsonSerializer.Deserialize<JsonElement>(DataFor(e, subscription)),
        };
        var body = Formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
        return (body.ToArray(), contentType.ToString());
    }

    /// <summary>The payload <paramref name="subscription"/>'s owner may see.</summary>
    public static string DataFor(WebhookEvent e, Subscription subscription)
    {
        if (e.Type != EventTypes.SellOutReported || subscription.OwnerKind != AccountKind.Vendor)
        {
            return e.Data;
        }
        var sellOut = JsonSerializer.Deserialize<SellOutReportedV1>(e.Data, EventTypes.Json)!;
        var own = sellOut with { Lines = [.. sellOut.Lines.Where(l => string.Equals(l.Vendor, subscription.VendorName, StringComparison.Ordinal))] };
        return JsonSerializer.Serialize(own, EventTypes.Json);
    }
}
