using System.Text.Json.Nodes;

namespace WaaS.Packaging.Tests;

/// <summary>Renders overlays with `kubectl kustomize` and validates objects with the kubernetes-models schemas.</summary>
internal static class Kubernetes
{
    private static readonly object NpmLock = new();

    public static IReadOnlyList<JsonObject> Render(string overlayDirectory) =>
        Yaml.Documents(Repo.Run("kubectl", $"kustomize \"{overlayDirectory}\""));

    /// <summary>"ok|skip|invalid Kind/name[: why]" per object (kubernetes/validate.mjs).</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<JsonObject> objects)
    {
        var dir = Repo.PathOf("tests/WaaS.Packaging.Tests/kubernetes");
        lock (NpmLock)
        {
            if (!Directory.Exists(Path.Combine(dir, "node_modules", "kubernetes-models")))
            {
                // Pinned by package-lock.json; needs the npm registry once per machine.
                Repo.Run("npm", "ci --no-audit --no-fund --loglevel=error", workingDirectory: dir);
            }
        }
        var input = new JsonArray(objects.Select(o => (JsonNode)o.DeepClone()).ToArray()).ToJsonString();
        return Repo.Run("node", "validate.mjs", stdin: input, workingDirectory: dir)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static IEnumerable<JsonObject> OfKind(this IEnumerable<JsonObject> objects, string kind) =>
        objects.Where(o => o.Str("kind") == kind);

    public static JsonObject? Named(this IEnumerable<JsonObject> objects, string kind, string name) =>
        objects.OfKind(kind).SingleOrDefault(o => o.Str("metadata", "name") == name);
}

/// <summary>Each overlay rendered once for all the tests.</summary>
public sealed class RenderedOverlays
{
    public static readonly string[] Names = ["dev", "prod", "prod-keda"];

    private readonly Dictionary<string, Lazy<IReadOnlyList<JsonObject>>> _rendered = Names.ToDictionary(
        name => name,
        name => new Lazy<IReadOnlyList<JsonObject>>(() => Kubernetes.Render(Repo.PathOf($"k8s/overlays/{name}"))));

    internal IReadOnlyList<JsonObject> this[string overlay] => _rendered[overlay].Value;
}
