using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace WaaS.Packaging.Tests;

public sealed class KubernetesTests(RenderedOverlays overlays) : IClassFixture<RenderedOverlays>
{
    private static readonly string Version = File.ReadAllText(Repo.PathOf("infra/image-version")).Trim();

    public static IEnumerable<object[]> Overlays() => RenderedOverlays.Names.Select(n => new object[] { n });

    public static IEnumerable<object[]> OverlaysAndProcesses() =>
        from overlay in RenderedOverlays.Names from row in ProcessRow.Load() select new object[] { overlay, row.Name };

    [Theory, MemberData(nameof(Overlays))]
    public void Every_object_validates_against_the_Kubernetes_API_schema(string overlay)
    {
        var results = Kubernetes.Validate(overlays[overlay]);

        results.Should().HaveCount(overlays[overlay].Count);
        results.Where(r => !r.StartsWith("ok ", StringComparison.Ordinal) && !r.StartsWith("skip ", StringComparison.Ordinal))
            .Should().BeEmpty("every object must match its API schema");
        // Only the operators' CRDs have no model here; anything else skipped would be unchecked by accident.
        results.Where(r => r.StartsWith("skip ", StringComparison.Ordinal)
                && !r.StartsWith("skip Cluster/", StringComparison.Ordinal) && !r.StartsWith("skip RabbitmqCluster/", StringComparison.Ordinal))
            .Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Everything_lives_in_the_waas_namespace_which_enforces_the_restricted_profile(string overlay)
    {
        var objects = overlays[overlay];
        objects.Where(o => o.Str("kind") != "Namespace")
            .Should().OnlyContain(o => o.Str("metadata", "namespace") == "waas");
        objects.Named("Namespace", "waas").Str("metadata", "labels", "pod-security.kubernetes.io/enforce").Should().Be("restricted");
    }

    [Theory, MemberData(nameof(OverlaysAndProcesses))]
    public void Every_process_has_a_hardened_Deployment_with_probes_resources_and_a_pinned_image(string overlay, string name)
    {
        var objects = overlays[overlay];
        var deployment = objects.Named("Deployment", name);
        deployment.Should().NotBeNull($"{name} is in infra/services.tsv");
        var pod = deployment.At("spec", "template", "spec")!;
        var container = pod.Items("containers").Should().ContainSingle().Subject;

        container.Str("livenessProbe", "httpGet", "path").Should().Be("/alive");
        container.Str("startupProbe", "httpGet", "path").Should().Be("/alive");
        container.Str("readinessProbe", "httpGet", "path").Should().Be("/health");
        foreach (var resource in new[] { "cpu", "memory" })
        {
            container.Str("resources", "requests", resource).Should().NotBeNullOrEmpty();
        }
        container.Str("resources", "limits", "memory").Should().NotBeNullOrEmpty();
        container.Str("image").Should().Be($"waas/{name}:{Version}", "images are pinned to infra/image-version, never :latest");

        pod.Str("securityContext", "runAsNonRoot").Should().Be("true");
        pod.Str("securityContext", "runAsUser").Should().NotBe("0");
        pod.Str("securityContext", "seccompProfile", "type").Should().Be("RuntimeDefault");
        container.Str("securityContext", "allowPrivilegeEscalation").Should().Be("false");
        container.Str("securityContext", "readOnlyRootFilesystem").Should().Be("true");
        container.Items("securityContext", "capabilities", "drop").Select(c => c.ToString()).Should().Equal("ALL");
        container.Items("securityContext", "capabilities", "add").Should().BeEmpty();
        container.Items("volumeMounts").Should().Contain(m => m.Str("mountPath") == "/tmp", "a read-only root needs a writable /tmp");

        pod.Str("serviceAccountName").Should().Be(name);
        pod.Str("automountServiceAccountToken").Should().Be("false");
        objects.Named("ServiceAccount", name).Should().NotBeNull();
        objects.Named("Service", name).Str("spec", "type").Should().Be("ClusterIP");
        objects.Named("PodDisruptionBudget", name).Should().NotBeNull();
        objects.Named("NetworkPolicy", name).Should().NotBeNull();
    }

    [Theory, MemberData(nameof(OverlaysAndProcesses))]
    public void Every_process_scales_on_CPU_and_consumers_on_queue_depth_with_KEDA(string overlay, string name)
    {
        var objects = overlays[overlay];
        var scaledObject = objects.Named("ScaledObject", name);
        var hpa = objects.Named("HorizontalPodAutoscaler", name);
        if (scaledObject is null)
        {
            hpa.Should().NotBeNull($"{name} needs an autoscaler");
            hpa.Str("spec", "scaleTargetRef", "name").Should().Be(name);
            hpa.Items("spec", "metrics").Should().Contain(m => m.Str("resource", "name") == "cpu");
            return;
        }
        overlay.Should().Be("prod-keda", "KEDA is the optional overlay");
        hpa.Should().BeNull("KEDA makes its own HPA; two would fight over the replica count");
        scaledObject.Str("spec", "scaleTargetRef", "name").Should().Be(name);
        scaledObject.Items("spec", "triggers").Select(t => t.Str("type")).Should().BeEquivalentTo(["cpu", "rabbitmq"]);
        var queue = scaledObject.Items("spec", "triggers").Single(t => t.Str("type") == "rabbitmq");
        var pattern = new System.Text.RegularExpressions.Regex(queue.Str("metadata", "queueName")!);
        pattern.IsMatch($"{name}-deal-state").Should().BeTrue("the process's own queues count");
        pattern.IsMatch($"{name}-deal-state_error").Should().BeFalse("error queues wait for an operator, not for more pods");
    }

    [Fact]
    public void Processes_with_consumers_are_scaled_by_KEDA_in_the_KEDA_overlay()
    {
        var scaled = overlays["prod-keda"].OfKind("ScaledObject").Select(o => o.Str("metadata", "name")).ToList();
        scaled.Should().NotBeEmpty().And.Contain("contracting").And.NotContain("gateway");
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Only_the_gateway_and_identity_endpoints_are_reachable_from_outside(string overlay)
    {
        var objects = overlays[overlay];
        objects.OfKind("Service").Should().OnlyContain(s => s.Str("spec", "type") == null || s.Str("spec", "type") == "ClusterIP");
        var ingress = objects.OfKind("Ingress").Should().ContainSingle().Subject;
        ingress.Items("spec", "tls").Should().NotBeEmpty();
        var backends = ingress.Items("spec", "rules").SelectMany(r => r.Items("http", "paths"))
            .Select(p => p.Str("backend", "service", "name")).Distinct().ToList();
        backends.Should().Contain("gateway").And.BeSubsetOf(["gateway", "accounts"]);

        objects.Named("NetworkPolicy", "default-deny").Items("spec", "policyTypes").Select(t => t.ToString())
            .Should().BeEquivalentTo(["Ingress", "Egress"]);
        foreach (var row in ProcessRow.Load().Where(r => r.Name is not ("gateway" or "accounts")))
        {
            var sources = objects.Named("NetworkPolicy", row.Name).Items("spec", "ingress").SelectMany(i => i.Items("from")).ToList();
            sources.Where(s => s.At("namespaceSelector") is null)
                .Should().OnlyContain(s => s.Str("podSelector", "matchLabels", "app.kubernetes.io/name") == "gateway",
                    $"{row.Name} is reached only through the gateway (and scraped by monitoring)");
            var targets = objects.Named("NetworkPolicy", row.Name).Items("spec", "egress").SelectMany(e => e.Items("to"))
                .Select(t => t.Str("podSelector", "matchLabels", "waas.io/backend") ?? t.Str("podSelector", "matchLabels", "app.kubernetes.io/name")
                             ?? t.Str("namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
            targets.Should().BeSubsetOf(["postgres", "rabbitmq", "accounts", "observability"]);
        }
    }

    [Fact]
    public void Prod_runs_HA_PostgreSQL_and_a_three_node_RabbitMQ_with_quorum_queues()
    {
        var objects = overlays["prod"];
        var pg = objects.Named("Cluster", "waas-pg");
        pg.Str("spec", "instances").Should().Be("3");
        int.Parse(pg.Str("spec", "minSyncReplicas")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);
        pg.Str("spec", "inheritedMetadata", "labels", "waas.io/backend").Should().Be("postgres");
        var rabbit = objects.Named("RabbitmqCluster", "waas-rabbitmq");
        rabbit.Str("spec", "replicas").Should().Be("3");
        rabbit.Str("spec", "override", "statefulSet", "spec", "template", "metadata", "labels", "waas.io/backend").Should().Be("rabbitmq");

        var config = objects.Named("ConfigMap", "waas-config")!;
        config.Str("data", "WAAS_RABBIT_QUORUM").Should().Be("true");
        config.Str("data", "WAAS_PG_HOST").Should().Be("waas-pg-rw", "CloudNativePG's read-write Service");
        config.Str("data", "WAAS_RABBIT_HOST").Should().Be("waas-rabbitmq");
        config.Str("data", "ASPNETCORE_ENVIRONMENT").Should().Be("Production");
        config.Str("data", "WAAS_IDENTITY_AUTHORITY").Should().NotBeNullOrEmpty();
        config.Str("data", "WAAS_IDENTITY_ISSUER").Should().StartWith("https://");
    }

    [Fact]
    public void Prod_commits_no_secret_and_takes_credentials_from_the_operators()
    {
        var objects = overlays["prod"];
        objects.OfKind("Secret").Should().BeEmpty("secrets are created in the cluster, never committed");
        objects.Named("ConfigMap", "waas-config").At("data")!.AsObject().Select(kv => kv.Key)
            .Should().NotContain(k => k.Contains("PASSWORD", StringComparison.Ordinal) || k.Contains("TOKEN", StringComparison.Ordinal));
        foreach (var row in ProcessRow.Load().Where(r => !r.IsGateway))
        {
            var env = objects.Named("Deployment", row.Name).Items("spec", "template", "spec", "containers", 0, "env").ToList();
            env.Single(e => e.Str("name") == "WAAS_PG_PASSWORD").Str("valueFrom", "secretKeyRef", "name").Should().Be("waas-pg-app");
            env.Single(e => e.Str("name") == "WAAS_RABBIT_PASSWORD").Str("valueFrom", "secretKeyRef", "name").Should().Be("waas-rabbitmq-default-user");
        }
    }

    [Fact]
    public void The_gateway_routes_to_every_process_in_the_list()
    {
        foreach (var overlay in RenderedOverlays.Names)
        {
            var env = overlays[overlay].Named("Deployment", "gateway").Items("spec", "template", "spec", "containers", 0, "env")
                .Select(e => (Name: e.Str("name")!, Value: e.Str("value"))).ToList();
            foreach (var row in ProcessRow.Load().Where(r => !r.IsGateway))
            {
                env.Should().Contain(($"ReverseProxy__Clusters__{row.Name}__Destinations__primary__Address", $"http://{row.Name}/"));
            }
        }
    }
}
