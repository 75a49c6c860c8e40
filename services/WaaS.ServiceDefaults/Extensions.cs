using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using WaaS.ServiceDefaults.Http;
using WaaS.ServiceDefaults.Idempotency;
using WaaS.ServiceDefaults.Security;
using WaaS.ServiceDefaults.Time;

namespace WaaS.ServiceDefaults;

/// <summary>The one call every WaaS host makes: telemetry, health, problem details, resilience, clock.</summary>
public static class Extensions
{
    /// <summary>The tag of the checks /alive runs (the process answers; no dependencies).</summary>
    public const string LiveTag = "live";

    /// <summary>Wires OpenTelemetry, health checks, RFC 9457 problem details, HttpClient resilience and the clock.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSingleton(WaaSSettings.From(builder.Configuration, builder.Environment.IsDevelopment()));
        builder.AddTestClock();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddServiceDefaultsProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Malformed input reaches BadRequestExceptionHandler in every environment, not only in Development.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi(o => o.AddOperationTransformer<PartiesInOpenApi>());
        builder.Services.AddHttpClient();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.AddWaaSSecurity();
        builder.AddOpenTelemetry(serviceName);
        return builder;
    }

    private static void AddOpenTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !IsProbe(ctx.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("MassTransit", "Marten", WaaS.ServiceDefaults.Messaging.OutboxTelemetry.SourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "Marten")
                .AddPrometheusExporter());

        // Export over OTLP only where a collector is configured; locally the /metrics endpoint is enough.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    private static bool IsProbe(string? path) =>
        path is "/health" or "/alive" or "/metrics";

    /// <summary>Maps /health (ready: PostgreSQL and RabbitMQ reachable), /alive, /metrics and the API docs.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWaaSSecurity();
        // Hosts with a store keep idempotency keys (AddEventStore); the key is scoped by the caller, so after security.
        if (app.Services.GetService<IdempotencyStore>() is not null)
        {
            app.UseMiddleware<IdempotencyMiddleware>();
        }
        // Probes, metrics and the API description answer without a token; the public gateway does not route them.
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapTestClock();
        return app;
    }
}
