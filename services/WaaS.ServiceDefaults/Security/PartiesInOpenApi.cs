using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// Writes who may call each operation into the OpenAPI document: <c>x-waas-parties</c> lists the parties (absent: any
/// WaaS caller, <c>anonymous</c>: no token needed), and the operation requires the bearer scheme.
/// </summary>
internal sealed class PartiesInOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
        {
            operation.Extensions["x-waas-parties"] = new JsonNodeExtension(new JsonArray("anonymous"));
            return Task.CompletedTask;
        }

        var allowed = metadata.OfType<AllowedParties>().LastOrDefault();
        var names = allowed?.Names ?? new AllowedParties(Party.Anyone).Names;
        operation.Extensions["x-waas-parties"] = new JsonNodeExtension(new JsonArray([.. names.Select(n => (JsonNode)n)]));
        return Task.CompletedTask;
    }
}
