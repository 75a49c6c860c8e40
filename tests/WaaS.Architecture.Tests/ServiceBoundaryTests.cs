using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;

namespace WaaS.Architecture.Tests;

/// <summary>Services talk over RabbitMQ only: none may reference another service, in its project or its assembly.</summary>
public sealed class ServiceBoundaryTests
{
    private static readonly string Root = FindRoot();
    private static readonly string[] Shared = ["WaaS.Contracts", "WaaS.ServiceDefaults", "WaaS.Documents"];

    private static IReadOnlyList<string> HostNames() =>
        [.. File.ReadAllLines(Path.Combine(Root, "infra", "services.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[3])];

    public static TheoryData<string> Hosts() => new(HostNames());

    [Fact]
    public void Every_service_folder_is_a_host_in_the_service_table()
    {
        var hosts = HostNames().ToHashSet();
        var folders = Directory.GetDirectories(Path.Combine(Root, "services")).Select(Path.GetFileName).Where(n => !Shared.Contains(n));
        folders.Should().OnlyContain(f => hosts.Contains(f!), "every service runs as its own process and is started by run.sh and the e2e fixture");
        hosts.Should().HaveCount(12, "eleven services and the gateway");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_host_project_references_only_the_shared_projects(string host)
    {
        var project = Directory.GetFiles(Root, host + ".csproj", SearchOption.AllDirectories).Single(p => !p.Contains("/bin/") && !p.Contains("/obj/"));
        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

        references.Should().OnlyContain(r => Shared.Contains(r));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void A_host_assembly_references_no_other_waas_assembly_than_the_shared_ones(string host)
    {
        var configuration = typeof(ServiceBoundaryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "Configuration").Value!;
        var project = Path.GetDirectoryName(Directory.GetFiles(Root, host + ".csproj", SearchOption.AllDirectories).Single(p => !p.Contains("/bin/") && !p.Contains("/obj/")))!;
        var dll = Path.Combine(project, "bin", configuration, "net10.0", host + ".dll");

        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name));

        referenced.Where(r => r.StartsWith("WaaS.", StringComparison.Ordinal)).Should().OnlyContain(r => Shared.Contains(r));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WaaS.sln")))
        {
            dir = dir.Parent;
        }
        return dir!.FullName;
    }
}
