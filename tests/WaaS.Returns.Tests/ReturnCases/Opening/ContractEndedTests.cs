using FluentAssertions;
using WaaS.Contracts;
using WaaS.Returns.ReturnCases;
using WaaS.Returns.ReturnCases.Opening;
using Xunit;

namespace WaaS.Returns.Tests.ReturnCases.Opening;

/// <summary>Given an ended contract, then the case it opens and the message that announces it.</summary>
public sealed class ContractEndedTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static ContractEnded Ended(ContractEndReason reason = ContractEndReason.EndOfTerm, Guid? successor = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), reason, new DateOnly(2027, 2, 28), 0m,
            [new ShippedDevice("NB-TP-E14", "SN-1"), new ShippedDevice("PH-IP-15", "SN-2")], Now, successor);

    [Fact]
    public void An_ended_contract_opens_a_case_awaiting_its_devices_within_the_return_window()
    {
        var caseId = Guid.NewGuid();
        var ended = Ended();

        var decision = ContractEndedConsumer.Decide(caseId, ended, Now);

        decision.Refused.Should().BeNull();
        var opened = decision.Events.Should().ContainSingle().Which.Should().BeOfType<WaaS.Returns.ReturnCases.ReturnCaseOpened>().Subject;
        opened.ReturnDeadline.Should().Be(new DateOnly(2027, 3, 14));
        opened.ExpectedDevices.Should().Equal(ended.Devices);
        decision.Messages.Should().Equal(new WaaS.Contracts.ReturnCaseOpened(caseId, ended.ContractId, new DateOnly(2027, 3, 14), Now));
        var returnCase = ReturnCase.Create(opened);
        returnCase.Status.Should().Be(ReturnCaseStatus.AwaitingDevices);
        returnCase.ContractId.Should().Be(ended.ContractId);
        returnCase.EndReason.Should().Be(ContractEndReason.EndOfTerm);
        returnCase.SuccessorContractId.Should().BeNull();
    }

    [Fact]
    public void A_contract_replaced_by_a_successor_opens_an_exchange_case_that_names_the_successor()
    {
        var successor = Guid.NewGuid();

        var decision = ContractEndedConsumer.Decide(Guid.NewGuid(), Ended(ContractEndReason.TerminatedEarly, successor), Now);

        var returnCase = ReturnCase.Create((WaaS.Returns.ReturnCases.ReturnCaseOpened)decision.Events.Single());
        returnCase.SuccessorContractId.Should().Be(successor);
        returnCase.EndReason.Should().Be(ContractEndReason.TerminatedEarly);
    }

    [Fact]
    public void The_case_belongs_to_the_contracts_reseller_and_end_customer_and_before_tenancy_to_the_distributor_only()
    {
        var customer = Guid.NewGuid();
        var ended = Ended() with { CustomerId = customer };

        var owned = ReturnCase.Create((WaaS.Returns.ReturnCases.ReturnCaseOpened)ContractEndedConsumer.Decide(Guid.NewGuid(), ended, Now).Events.Single());
        var older = ReturnCase.Create(new WaaS.Returns.ReturnCases.ReturnCaseOpened(Guid.NewGuid(), ended.ContractId, new DateOnly(2027, 3, 14), ended.Devices, Now));

        owned.ResellerId.Should().Be(ended.ResellerId);
        owned.CustomerId.Should().Be(customer);
        older.ResellerId.Should().Be(Guid.Empty);
        older.CustomerId.Should().BeNull();
    }

    [Theory]
    [InlineData("2027-02-28", "2027-03-14")]
    [InlineData("2026-12-20", "2027-01-03")]
    [InlineData("2028-02-20", "2028-03-05")]
    public void Devices_are_due_back_fourteen_days_after_the_last_contract_day(string endDate, string deadline)
    {
        ReturnPolicy.ReturnWindowDays.Should().Be(14);
        ReturnPolicy.Deadline(DateOnly.Parse(endDate, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));
    }
}
