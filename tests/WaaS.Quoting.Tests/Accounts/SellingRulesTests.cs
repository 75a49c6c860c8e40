using FluentAssertions;
using WaaS.Contracts;
using WaaS.Quoting.Accounts;
using Xunit;

namespace WaaS.Quoting.Tests.Accounts;

/// <summary>DOMAIN.md step 1 on quoting's copy of the accounts: who may quote, and why not.</summary>
public sealed class SellingRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static KnownAccount Reseller(Guid id, bool active = true, bool agreement = true, Guid? parent = null, bool? maySell = null) =>
        new(id, AccountKind.Reseller, "Reseller " + id.ToString()[..4], parent, active, agreement, maySell ?? (active && agreement), 1, At);

    public static TheoryData<string, bool, bool, bool, string> Resellers() => new()
    {
        // why, known, active, agreement on file, the reason the refusal gives
        { "unknown to quoting", false, true, true, "Unknown reseller" },
        { "inactive", true, false, true, "Inactive" },
        { "without its reseller agreement", true, true, false, "No agreement" },
    };

    [Theory]
    [MemberData(nameof(Resellers))]
    public void A_reseller_may_quote_only_while_active_with_its_agreement_on_file(string why, bool known, bool active, bool agreement, string reason)
    {
        var id = Guid.NewGuid();

        var refusal = SellingRules.MaySell(id, new Sellers(known ? Reseller(id, active, agreement) : null, null, null));

        refusal.Should().NotBeNull(why);
        refusal!.Rule.Should().Be("ResellerMayNotSell");
        refusal.Field.Should().Be("reseller");
        refusal.Message.Should().StartWith(reason);
        SellingRules.MaySell(id, new Sellers(Reseller(id), null, null)).Should().BeNull("an active reseller with its agreement may sell");
    }

    [Fact]
    public void A_sub_reseller_sells_through_its_parents_account()
    {
        var parent = Guid.NewGuid();
        var sub = Reseller(Guid.NewGuid(), parent: parent);

        SellingRules.MaySell(sub.Id, new Sellers(sub, Reseller(parent, agreement: false), null))!.Message.Should().StartWith("Parent may not sell");
        SellingRules.MaySell(sub.Id, new Sellers(sub, Reseller(parent, active: false), null))!.Message.Should().StartWith("Parent may not sell");
        SellingRules.MaySell(sub.Id, new Sellers(sub, null, null))!.Message.Should().StartWith("Parent may not sell", "an unknown parent cannot vouch");
        SellingRules.MaySell(sub.Id, new Sellers(sub, Reseller(parent), null)).Should().BeNull();
    }

    [Fact]
    public void The_accounts_services_verdict_counts_when_it_says_no()
    {
        var id = Guid.NewGuid();

        SellingRules.MaySell(id, new Sellers(Reseller(id, maySell: false), null, null))!.Message.Should().StartWith("May not sell");
    }

    [Fact]
    public void A_named_customer_account_must_be_an_end_customer_of_the_selling_reseller()
    {
        var reseller = Guid.NewGuid();
        var own = new KnownAccount(Guid.NewGuid(), AccountKind.Customer, "Own", reseller, true, false, false, 1, At);
        var others = own with { Id = Guid.NewGuid(), ParentId = Guid.NewGuid() };

        SellingRules.CustomerAccountBelongsToReseller(reseller, own.Id, new Sellers(null, null, own)).Should().BeNull();
        SellingRules.CustomerAccountBelongsToReseller(reseller, null, new Sellers(null, null, null)).Should().BeNull("the account is optional");
        SellingRules.CustomerAccountBelongsToReseller(reseller, others.Id, new Sellers(null, null, others))!.Rule.Should().Be("CustomerAccountOfReseller");
        SellingRules.CustomerAccountBelongsToReseller(reseller, Guid.NewGuid(), new Sellers(null, null, null))!.Field.Should().Be("customer.accountId");
        SellingRules.CustomerAccountBelongsToReseller(reseller, reseller, new Sellers(null, null, Reseller(reseller)))!.Rule
            .Should().Be("CustomerAccountOfReseller", "a reseller is not an end customer");
    }

    [Fact]
    public void An_older_account_snapshot_than_the_one_held_changes_nothing()
    {
        var id = Guid.NewGuid();
        var held = Reseller(id) with { Version = 5 };
        AccountChanged Snapshot(long version) => new(id, AccountKind.Reseller, "R", null, false, false, false, version, At);

        CopyAccount.Decide(held, Snapshot(4)).Should().BeNull();
        CopyAccount.Decide(held, Snapshot(5)).Should().BeNull("a redelivered snapshot is no news");
        CopyAccount.Decide(held, Snapshot(6))!.Active.Should().BeFalse();
        CopyAccount.Decide(null, Snapshot(1))!.Version.Should().Be(1);
    }
}
