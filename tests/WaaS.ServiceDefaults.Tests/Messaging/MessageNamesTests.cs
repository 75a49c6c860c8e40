using FluentAssertions;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Messaging;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Messaging;

public sealed class MessageNamesTests
{
    [Fact]
    public void A_contract_message_is_named_by_its_message_urn_and_the_name_resolves_back_to_its_type()
    {
        var name = MessageNames.Of(typeof(ContractSigned));

        name.Should().Be("urn:message:WaaS.Contracts:ContractSigned");
        MessageNames.Resolve(name).Should().Be(typeof(ContractSigned));
    }

    [Fact]
    public void A_stored_name_resolves_in_a_process_that_has_not_named_that_type_yet()
    {
        // No test names ShipmentFailed through Of, so this goes through the scan of the WaaS assemblies (as after a restart).
        _ = typeof(CreditApproved).Assembly; // WaaS.Contracts is loaded, as it is in every service

        MessageNames.Resolve("urn:message:WaaS.Contracts:ShipmentFailed").Should().Be(typeof(ShipmentFailed));
    }

    [Fact]
    public void An_unknown_name_fails_with_an_error_that_names_it()
    {
        var resolve = () => MessageNames.Resolve("urn:message:WaaS.Contracts:NoSuchMessage");

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*'urn:message:WaaS.Contracts:NoSuchMessage'*");
    }

    [Fact]
    public void An_assembly_qualified_type_name_is_not_a_message_name()
    {
        var resolve = () => MessageNames.Resolve(typeof(ContractSigned).AssemblyQualifiedName!);

        resolve.Should().Throw<InvalidOperationException>();
    }
}
