using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using Xunit;

namespace WaaS.Packaging.Tests;

public sealed class ComposeTests
{
    private static readonly JsonObject Compose = Yaml.Document(File.ReadAllText(Repo.PathOf("docker-compose.yml")));
    private static readonly string Version = File.ReadAllText(Repo.PathOf("infra/image-version")).Trim();

    [Fact]
    public void The_compose_file_is_valid_against_the_Compose_Specification_schema()
    {
        // Schemas/compose-spec.json: the Compose Specification's JSON schema as shipped by the npm package dclint 3.1.0.
        var schema = ComposeSchema();

        var result = schema.Evaluate(Compose, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue(string.Join("\n", (result.Details ?? [])
            .Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_schema_check_catches_a_broken_file()
    {
        var schema = ComposeSchema();
        var broken = (JsonObject)Compose.DeepClone();
        broken["services"]!["postgres"]!["healthcheck"]!["retries"] = "many";
        broken["services"]!["postgres"]!["restart_policy"] = "always";

        schema.Evaluate(broken).IsValid.Should().BeFalse();
    }

    private static JsonSchema ComposeSchema()
    {
        // The file names draft-07 by a URI spelling the validator does not know (https, no "#"); same dialect.
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "compose-spec.json"))
            .Replace("\"https://json-schema.org/draft-07/schema\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }

    [Theory, MemberData(nameof(ProcessRow.All), MemberType = typeof(ProcessRow))]
    public void Every_process_runs_from_its_image_hardened_and_health_checked(string name)
    {
        var row = ProcessRow.Load().Single(r => r.Name == name);
        var service = Compose.At("services", name);

        service.Should().NotBeNull($"{name} is in infra/services.tsv: run infra/packaging.sh generate");
        service.Str("image").Should().Be($"${{WAAS_REGISTRY:-waas}}/{name}:${{WAAS_IMAGE_TAG:-{Version}}}");
        service.Str("build", "context").Should().Be(".");
        service.Str("build", "args", "PROJECT_DIR").Should().Be(row.ProjectDirectory);
        service.Str("build", "args", "ASSEMBLY").Should().Be(row.Assembly);
        service.Str("read_only").Should().Be("true");
        service.Items("cap_drop").Select(c => c.ToString()).Should().Equal("ALL");
        service.Str("user").Should().NotBeNullOrEmpty().And.NotBe("0").And.NotBe("root");
        service.Items("healthcheck", "test").Select(t => t.ToString()).Should().Contain(t => t.Contains("/health", StringComparison.Ordinal));
        service.Str("environment", "WAAS_RABBIT_QUORUM").Should().Be("${WAAS_RABBIT_QUORUM:-true}");
        service.Str("environment", "WAAS_IDENTITY_AUTHORITY").Should().Be("http://accounts:8080/");
        service.Str("profiles").Should().BeNull("the whole system starts with a plain `docker compose up`");

        var dependsOn = service.At("depends_on")!.AsObject();
        if (row.IsGateway)
        {
            dependsOn.Select(kv => kv.Key).Should().BeEquivalentTo(ProcessRow.Load().Where(r => !r.IsGateway).Select(r => r.Name));
            service.Items("ports").Select(p => p.ToString()).Should().Equal($"${{WAAS_GATEWAY_PORT:-{row.Port}}}:8080");
        }
        else
        {
            dependsOn.Select(kv => kv.Key).Should().BeEquivalentTo(["postgres", "rabbitmq"]);
        }
        dependsOn.Should().OnlyContain(kv => kv.Value.Str("condition") == "service_healthy");
    }

    [Fact]
    public void Compose_has_no_process_that_is_not_in_the_list()
    {
        var infrastructure = new[] { "postgres", "rabbitmq", "otel-collector", "jaeger", "prometheus", "grafana" };
        Compose.At("services")!.AsObject().Select(kv => kv.Key)
            .Should().BeEquivalentTo(infrastructure.Concat(ProcessRow.Load().Select(r => r.Name)));
        foreach (var optional in infrastructure.Skip(2))
        {
            Compose.Items("services", optional, "profiles").Select(p => p.ToString()).Should().Equal("observability");
        }
    }
}
