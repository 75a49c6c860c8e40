using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace WaaS.Testing;

/// <summary>Small helpers to call the API and read RFC 9457 answers.</summary>
public static class Http
{
    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was {0}", body);
        return body.Length == 0 ? new JsonObject() : JsonNode.Parse(body)!;
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    /// <summary>(field, rule) pairs of a 400 problem (errors) or of a 409/422 problem (field, rule).</summary>
    public static IReadOnlyList<(string Field, string Rule)> Rules(JsonNode problem) =>
        problem["errors"] is JsonObject errors
            ? [.. errors.SelectMany(e => e.Value!.AsArray().Select(r => (e.Key, r!["rule"]!.GetValue<string>())))]
            : [(problem["field"]?.GetValue<string>() ?? "", problem["rule"]!.GetValue<string>())];

    public static T Get<T>(this JsonNode node, string path)
    {
        var current = node;
        foreach (var part in path.Split('.'))
        {
            current = int.TryParse(part, out var index) ? current![index] : current![part];
        }
        return current!.GetValue<T>();
    }
}
