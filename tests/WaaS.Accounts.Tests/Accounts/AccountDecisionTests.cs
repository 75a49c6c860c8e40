using FluentAssertions;
using WaaS.Accounts.Accounts;
using WaaS.Accounts.Accounts.Activating;
using WaaS.Accounts.Accounts.FilingAgreements;
using WaaS.Accounts.Accounts.Opening;
using WaaS.Accounts.Accounts.Suspending;
using WaaS.Contracts;
using WaaS.ServiceDefaults.Writes;
using WaaS.Testing;
using Xunit;

namespace WaaS.Accounts.Tests.Accounts;

/// <summary>The pure decisions: given an account, when a command, then these events and messages or this refusal.</summary>
public sealed class AccountDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Account Opened(AccountKind kind, Guid? parent = null, bool active = false, bool parentMaySell = false) =>
        Account.Create(new AccountOpened(Guid.NewGuid(), kind, "Acme", parent, null, active, parentMaySell, Now)) with { Version = 1 };

    private static Account Selling(Guid? parent = null, bool parentMaySell = false)
    {
        var account = Opened(AccountKind.Reseller, parent, active: true, parentMaySell);
        return account.After([new ResellerAgreementFiled(account.Id, new DateOnly(2026, 1, 1), "doc", Now)]);
    }

    [Fact]
    public void Filing_the_agreement_of_an_active_reseller_lets_it_sell_and_publishes_that()
    {
        var reseller = Opened(AccountKind.Reseller, active: true);

        var decision = FileAgreement.Decide(reseller, [], new DateOnly(2026, 2, 1), "dms://a", Now);

        decision.Events.Should().ContainSingle().Which.Should().BeOfType<ResellerAgreementFiled>();
        decision.Messages.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            AccountId = reseller.Id, Active = true, AgreementOnFile = true, MaySell = true, Version = 2L,
        });
    }

    [Fact]
    public void Suspending_a_parent_stops_its_sub_resellers_selling_on_their_own_streams()
    {
        var parent = Selling();
        var sub = Selling(parent.Id, parentMaySell: true);
        var unrelated = Selling(Guid.NewGuid(), parentMaySell: true);

        var decision = SuspendAccount.Decide(parent, [sub, unrelated], "review", Now);

        decision.OtherStreams.Should().ContainSingle().Which.Should().BeEquivalentTo(new { sub.Id, ExpectedVersion = sub.Version });
        decision.OtherStreams[0].Events.Should().ContainSingle().Which.Should().Be(new ParentSellingChanged(sub.Id, parent.Id, false, Now));
        decision.Messages.Cast<AccountChanged>().Select(m => (m.AccountId, m.MaySell)).Should().Equal((parent.Id, false), (sub.Id, false));
    }

    [Fact]
    public void A_change_that_leaves_selling_as_it_was_does_not_touch_the_sub_resellers()
    {
        var parent = Opened(AccountKind.Reseller);
        var sub = Opened(AccountKind.Reseller, parent.Id);

        var decision = ActivateAccount.Decide(parent, [sub], Now);

        decision.OtherStreams.Should().BeEmpty("without its agreement the parent may not sell, before or after");
        decision.Messages.Should().ContainSingle();
    }

    [Fact]
    public void A_sub_reseller_opened_under_a_selling_parent_starts_with_the_parents_permission_but_not_its_own()
    {
        var parent = Selling();

        var decision = OpenAccount.Decide(new OpenAccountRequest(AccountKind.Reseller, "Sub", parent.Id, null), As.Operations, parent, Guid.NewGuid(), Now);

        var opened = decision.Events.Should().ContainSingle().Which.Should().BeOfType<AccountOpened>().Subject;
        opened.ParentMaySell.Should().BeTrue();
        opened.Active.Should().BeFalse();
        decision.Messages.Cast<AccountChanged>().Single().MaySell.Should().BeFalse();
    }

    [Fact]
    public void The_rules_refuse_by_name()
    {
        var customer = Opened(AccountKind.Customer, Guid.NewGuid(), active: true);
        FileAgreement.Decide(customer, [], new DateOnly(2026, 1, 1), "x", Now).Refused!.Rule.Should().Be("AgreementIsForResellers");
        ActivateAccount.Decide(customer, [], Now).Refused!.Rule.Should().Be("AccountAlreadyActive");
        SuspendAccount.Decide(Opened(AccountKind.Reseller), [], "r", Now).Refused!.Rule.Should().Be("OnlyActiveAccountCanBeSuspended");
        var distributor = Opened(AccountKind.Distributor, active: true);
        SuspendAccount.Decide(distributor, [], "r", Now).Refused!.Rule.Should().Be("DistributorIsNeverSuspended");
        OpenAccount.Decide(new OpenAccountRequest(AccountKind.Customer, "C", Guid.NewGuid(), null), As.Reseller(), Selling(), Guid.NewGuid(), Now)
            .Refused!.Should().Match<Refusal>(r => r.Rule == "ResellerOpensOnlyItsCustomers" && r.Kind == RefusalKind.Forbidden);
    }
}
