using FluentAssertions;
using Xunit;

namespace WaaS.Packaging.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void The_generated_files_are_in_step_with_services_tsv()
    {
        // Fails with the diff when a row was added, removed or changed without running `infra/packaging.sh generate`.
        var check = () => Repo.Run("bash", "infra/packaging.sh check");

        check.Should().NotThrow();
    }

    [Fact]
    public void Adding_the_accounts_row_is_all_the_identity_server_needs()
    {
        var tree = Directory.CreateTempSubdirectory("waas-packaging-");
        try
        {
            CopyDirectory(Repo.PathOf("k8s"), Path.Combine(tree.FullName, "k8s"));
            var tsv = Path.Combine(tree.FullName, "services.tsv");
            var rows = File.ReadAllLines(Repo.PathOf("infra/services.tsv")).Where(l => !l.StartsWith("accounts\t", StringComparison.Ordinal));
            File.WriteAllLines(tsv, rows.Append("accounts\t5109\tservices/WaaS.Accounts\tWaaS.Accounts"));

            Repo.Run("bash", $"infra/packaging.sh generate --tsv \"{tsv}\" --out \"{tree.FullName}\"");
            var prod = Kubernetes.Render(Path.Combine(tree.FullName, "k8s", "overlays", "prod"));
            var compose = Yaml.Document(File.ReadAllText(Path.Combine(tree.FullName, "docker-compose.yml")));

            var accounts = prod.Named("Deployment", "accounts");
            accounts.Should().NotBeNull();
            accounts.Items("spec", "template", "spec", "containers", 0, "env")
                .Should().Contain(e => e.Str("name") == "WAAS_IDENTITY_SIGNING_CERT");
            accounts.Items("spec", "template", "spec", "volumes")
                .Should().Contain(v => v.Str("secret", "secretName") == "waas-identity");
            prod.Named("HorizontalPodAutoscaler", "accounts").Should().NotBeNull();
            prod.Named("PodDisruptionBudget", "accounts").Should().NotBeNull();
            prod.OfKind("Ingress").Single().Items("spec", "rules", 0, "http", "paths")
                .Where(p => p.Str("backend", "service", "name") == "accounts").Select(p => p.Str("path"))
                .Should().BeEquivalentTo(["/.well-known/", "/connect/"]);
            prod.Named("NetworkPolicy", "quoting").Items("spec", "egress").SelectMany(e => e.Items("to"))
                .Should().Contain(t => t.Str("podSelector", "matchLabels", "app.kubernetes.io/name") == "accounts", "services fetch the signing keys");
            compose.Str("services", "accounts", "build", "args", "ASSEMBLY").Should().Be("WaaS.Accounts");
            compose.Str("services", "gateway", "depends_on", "accounts", "condition").Should().Be("service_healthy");
        }
        finally
        {
            tree.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
