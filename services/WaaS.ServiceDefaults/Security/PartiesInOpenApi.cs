using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WaaS.ServiceDefaults.Security;

/// <summary>
/// Writes who may call each operation into the OpenAPI document: <c>x-waas-parties</c> lists the parties
/// (<c>anonymous</c>: no token needed; absent: the endpoint forgot to say, which the access-matrix test refuses).
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

        // An endpoint that names no parties gets no extension: the access-matrix test fails on it, so every new endpoint
        // must say whom it serves (Party.Anyone, if every WaaS caller).
        if (metadata.OfType<AllowedParties>().LastOrDefault() is { } allowed)
        {
            operation.Extensions["x-waas-parties"] = new JsonNodeExtension(new JsonArray([.. allowed.Names.Select(n => (JsonNode)n)]));
        }
        return Task.CompletedTask;
    }
}
