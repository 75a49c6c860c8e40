using FluentAssertions;
using Xunit;

namespace WaaS.Quoting.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Quoting_references_no_other_service_only_the_contracts_the_service_defaults_and_the_documents()
    {
        var waas = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("WaaS.", StringComparison.Ordinal));

        waas.Should().BeSubsetOf(["WaaS.Contracts", "WaaS.ServiceDefaults", "WaaS.Documents"]);
    }
}
