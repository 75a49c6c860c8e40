using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using WaaS.Webhooks.Delivery;
using WaaS.Webhooks.Events;

namespace WaaS.Webhooks.Catalogue;

/// <summary>
/// The event catalogue, built from <see cref="EventTypes.All"/> (the list the consumer publishes from): an AsyncAPI
/// 3.0 document with every event type's CloudEvents envelope, payload schema and example, the signature scheme and the
/// retry policy; and the JSON Schema of each payload, generated from the payload record itself.
/// </summary>
public static class AsyncApiDocument
{
    public const string CloudEventsJson = "application/cloudevents+json";

    public static JsonObject Schema(EventType type)
    {
        var schema = EventTypes.Json.GetJsonSchemaAsNode(type.Payload, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.Insert(1, "$id", $"https://waas.example/webhooks/schemas/{type.Name}.json");
        schema.Insert(2, "title", type.Name);
        schema.Insert(3, "description", type.Summary);
        return schema;
    }

    public static JsonNode Example(EventType type) => JsonSerializer.SerializeToNode(type.Example, type.Payload, EventTypes.Json)!;

    public static JsonObject Build()
    {
        var messages = new JsonObject();
        var schemas = new JsonObject();
        var channelMessages = new JsonObject();
        var operationMessages = new JsonArray();
        foreach (var type in EventTypes.All)
        {
            schemas[type.Name] = Schema(type);
            messages[type.Name] = Message(type);
            channelMessages[type.Name] = new JsonObject { ["$ref"] = $"#/components/messages/{type.Name}" };
            operationMessages.Add(new JsonObject { ["$ref"] = $"#/channels/subscription/messages/{type.Name}" });
        }
        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "WaaS webhooks",
                ["version"] = "1.0.0",
                ["description"] =
                    "Contract and sell-out events of your tenant, POSTed to the URL of your subscription (POST /api/webhooks/subscriptions). " +
                    "Each delivery is one CloudEvents 1.0 event in structured JSON mode, signed per Standard Webhooks. " + Signature + " " + Retries,
            },
            ["defaultContentType"] = CloudEventsJson,
            ["servers"] = new JsonObject
            {
                ["receiver"] = new JsonObject
                {
                    ["host"] = "receiver.partner.example",
                    ["protocol"] = "https",
                    ["description"] = "Your receiver: the URL you subscribed with (HTTPS; public addresses only).",
                },
            },
            ["channels"] = new JsonObject
            {
                ["subscription"] = new JsonObject
                {
                    // The address is each subscription's own URL.
                    ["address"] = null,
                    ["title"] = "Your subscription's URL",
                    ["messages"] = channelMessages,
                },
            },
            ["operations"] = new JsonObject
            {
                ["receiveEvent"] = new JsonObject
                {
                    ["action"] = "receive",
                    ["channel"] = new JsonObject { ["$ref"] = "#/channels/subscription" },
                    ["summary"] = "Your receiver answers 2xx when it has the event (duplicates too: deduplicate by webhook-id).",
                    ["messages"] = operationMessages,
                },
            },
            ["components"] = new JsonObject
            {
                ["messages"] = messages,
                ["schemas"] = schemas,
                ["messageTraits"] = new JsonObject { ["standardWebhooks"] = new JsonObject { ["headers"] = Headers() } },
            },
            ["x-waas-signature"] = new JsonObject
            {
                ["scheme"] = "Standard Webhooks v1 (HMAC-SHA256)",
                ["signedContent"] = "{webhook-id}.{webhook-timestamp}.{raw body}",
                ["secret"] = "whsec_ + base64 of 32 random bytes; HMAC key = the base64-decoded part",
                ["rotation"] = "After a rotation, webhook-signature carries one 'v1,<base64>' per valid secret, space-separated, until the overlap ends.",
                ["timestampTolerance"] = "Reject a webhook-timestamp more than 5 minutes from your clock.",
            },
            ["x-waas-retry-policy"] = new JsonObject
            {
                ["delivered"] = "2xx",
                ["disablesSubscription"] = "410 Gone",
                ["retried"] = "429, 5xx, other status codes, redirects (never followed), timeouts, connection failures",
                ["timeoutSeconds"] = "10 (per attempt)",
                ["backoff"] = $"exponential from {WebhookSettings.FirstRetry.TotalSeconds:0} s doubling to {WebhookSettings.LongestRetry.TotalHours:0} h, ±20 % jitter, never sooner than Retry-After (capped at 24 h)",
                ["disabledAfter"] = "72 h of failing attempts; events keep queueing and are delivered on resume",
                ["ordering"] = "one delivery at a time per subscription, oldest first",
            },
        };
    }

    private const string Signature =
        "Verify webhook-signature: base64(HMAC-SHA256(secret, '{webhook-id}.{webhook-timestamp}.{body}')), prefixed 'v1,'; " +
        "several space-separated signatures while a rotated secret overlaps. webhook-id is the event id, the same on every retry and replay.";

    private const string Retries =
        "2xx = delivered; 410 = the subscription is disabled; anything else (429, 5xx, timeouts after 10 s) is retried with exponential " +
        "backoff and jitter (honouring Retry-After) for 72 hours, after which the subscription is disabled and its queue kept for a resume.";

    private static JsonObject Message(EventType type) => new()
    {
        ["name"] = type.Name,
        ["title"] = type.Name,
        ["summary"] = type.Summary,
        ["contentType"] = CloudEventsJson,
        ["traits"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/messageTraits/standardWebhooks" }),
        ["payload"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("specversion", "id", "source", "type", "time", "data"),
            ["properties"] = new JsonObject
            {
                ["specversion"] = new JsonObject { ["const"] = "1.0" },
                ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "Event id = webhook-id; stable across retries and replays." },
                ["source"] = new JsonObject { ["type"] = "string" },
                ["type"] = new JsonObject { ["const"] = type.Name },
                ["subject"] = new JsonObject { ["type"] = "string", ["description"] = "The contract id (the subscription id for a ping)." },
                ["time"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["datacontenttype"] = new JsonObject { ["const"] = "application/json" },
                ["data"] = new JsonObject { ["$ref"] = $"#/components/schemas/{type.Name}" },
            },
        },
        ["examples"] = new JsonArray(new JsonObject
        {
            ["name"] = type.Name.Replace('.', '-'),
            ["payload"] = new JsonObject
            {
                ["specversion"] = "1.0",
                ["id"] = "5f0c7d1e-6a2b-4c3d-9e8f-0a1b2c3d4e5f",
                ["source"] = type.Name.StartsWith("sellout", StringComparison.Ordinal) ? "/waas/vendor-reporting" : "/waas/contracting",
                ["type"] = type.Name,
                ["subject"] = "8c1d6a51-2f3e-4f7a-9d1e-5b0c4e2a7f10",
                ["time"] = "2026-03-02T09:00:00+00:00",
                ["datacontenttype"] = "application/json",
                ["data"] = Example(type),
            },
        }),
    };

    private static JsonObject Headers() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("webhook-id", "webhook-timestamp", "webhook-signature"),
        ["properties"] = new JsonObject
        {
            ["webhook-id"] = new JsonObject { ["type"] = "string", ["description"] = "The event id; the same on every retry and replay: deduplicate on it." },
            ["webhook-timestamp"] = new JsonObject { ["type"] = "string", ["description"] = "Unix seconds of this attempt." },
            ["webhook-signature"] = new JsonObject { ["type"] = "string", ["description"] = "Space-separated 'v1,<base64 HMAC-SHA256>' signatures." },
        },
    };
}
