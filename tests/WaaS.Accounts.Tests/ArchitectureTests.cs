using FluentAssertions;
using Xunit;

namespace WaaS.Accounts.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Accounts_references_no_other_service_only_the_contracts_and_the_service_defaults()
    {
        var waas = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("WaaS.", StringComparison.Ordinal));

        waas.Should().BeSubsetOf(["WaaS.Contracts", "WaaS.ServiceDefaults"]);
    }
}
