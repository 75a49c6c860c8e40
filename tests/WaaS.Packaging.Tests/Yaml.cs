using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WaaS.Packaging.Tests;

/// <summary>
/// YAML documents as JSON nodes, with YAML 1.2 core-schema typing of plain scalars (so "retries: 30" is a number and
/// "'8080'" a string, as Compose and Kubernetes read them) and merge keys (&lt;&lt;: *anchor) resolved.
/// </summary>
internal static class Yaml
{
    public static IReadOnlyList<JsonObject> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(text))));
        return stream.Documents
            .Where(d => d.RootNode is YamlMappingNode)
            .Select(d => (JsonObject)ToJson(d.RootNode)!)
            .ToList();
    }

    public static JsonObject Document(string text) => Documents(text).Single();

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (value is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }
        if (value is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (value.Any(char.IsDigit) && !value.Contains(':', StringComparison.Ordinal)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }
        return JsonValue.Create(value);
    }
}

internal static class JsonNodeExtensions
{
    /// <summary>The node at a path of property names and array indexes, or null.</summary>
    public static JsonNode? At(this JsonNode? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                string name => (node as JsonObject)?[name],
                int index => node is JsonArray array && index < array.Count ? array[index] : null,
                _ => null,
            };
        }
        return node;
    }

    public static string? Str(this JsonNode? node, params object[] path) =>
        node.At(path) is JsonValue value ? value.ToString() : null;

    public static IEnumerable<JsonNode> Items(this JsonNode? node, params object[] path) =>
        node.At(path) is JsonArray array ? array.Where(n => n is not null).Select(n => n!) : [];
}
