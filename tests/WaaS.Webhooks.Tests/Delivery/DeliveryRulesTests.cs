using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using WaaS.Contracts;
using WaaS.Webhooks.Delivery;
using WaaS.Webhooks.Events;
using WaaS.Webhooks.Subscriptions;
using Xunit;

namespace WaaS.Webhooks.Tests.Delivery;

public sealed class DeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Our_signature_verifies_with_the_Standard_Webhooks_library_for_each_secret_of_a_rotation()
    {
        var oldSecret = Signer.NewSecret();
        var newSecret = Signer.NewSecret();
        var body = """{"specversion":"1.0","id":"x"}""";
        var now = DateTimeOffset.UtcNow;
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = "msg_1",
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(),
            ["webhook-signature"] = Signer.Sign([newSecret, oldSecret], "msg_1", now.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body)),
        };

        new StandardWebhook(oldSecret).Invoking(w => w.Verify(body, headers)).Should().NotThrow();
        new StandardWebhook(newSecret).Invoking(w => w.Verify(body, headers)).Should().NotThrow();
        new StandardWebhook(Signer.NewSecret()).Invoking(w => w.Verify(body, headers)).Should().Throw<Exception>();
        new StandardWebhook(newSecret).Invoking(w => w.Verify(body + " ", headers)).Should().Throw<Exception>("the body is signed");
    }

    [Fact]
    public void Backoff_doubles_from_15_seconds_to_6_hours_with_jitter_and_never_undercuts_Retry_After()
    {
        Backoff.After(1, null, 0.5).Should().Be(TimeSpan.FromSeconds(15));
        Backoff.After(2, null, 0.5).Should().Be(TimeSpan.FromSeconds(30));
        Backoff.After(1, null, 0).Should().Be(TimeSpan.FromSeconds(12));
        Backoff.After(1, null, 1).Should().Be(TimeSpan.FromSeconds(18));
        Backoff.After(30, null, 0.5).Should().Be(TimeSpan.FromHours(6));
        Backoff.After(1, TimeSpan.FromMinutes(10), 0.5).Should().Be(TimeSpan.FromMinutes(10));
        Backoff.After(1, TimeSpan.FromDays(3), 0.5).Should().Be(TimeSpan.FromHours(24));
        var total = Enumerable.Range(1, 15).Aggregate(TimeSpan.Zero, (sum, n) => sum + Backoff.After(n, null, 0));
        total.Should().BeGreaterThan(TimeSpan.FromHours(24), "15 attempts span more than a day even with the shortest jitter");
    }

    [Fact]
    public void A_subscription_failing_for_72_hours_is_disabled_and_a_success_clears_the_failure()
    {
        var s = Subscription() with { FailingSince = Now };
        var failed = new AttemptResult(AttemptOutcome.Failed, 503, 10, null, null, null);

        Health.After(s, failed, Now.AddHours(71), TimeSpan.FromHours(72)).Should().BeNull("failing, but not for long enough");
        Health.After(s, failed, Now.AddHours(72), TimeSpan.FromHours(72))!.Status.Should().Be(SubscriptionStatus.Disabled);
        Health.After(s, new AttemptResult(AttemptOutcome.Delivered, 200, 10, null, null, null), Now, TimeSpan.FromHours(72))!.FailingSince.Should().BeNull();
        Health.After(Subscription(), failed, Now, TimeSpan.FromHours(72))!.FailingSince.Should().Be(Now);
        Health.After(Subscription(), new AttemptResult(AttemptOutcome.Gone, 410, 10, null, null, null), Now, TimeSpan.FromHours(72))!
            .StatusReason.Should().StartWith(Health.ReceiverGone);
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.5.4", "private")]
    [InlineData("172.32.0.1", null)]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd12::1", "unique local")]
    [InlineData("::ffff:192.168.1.1", "private")]
    [InlineData("93.184.216.34", null)]
    [InlineData("2606:2800:220:1::1", null)]
    public void Addresses_of_our_own_network_are_named_by_their_range(string address, string? range)
    {
        var named = TargetRules.NonPublicRange(IPAddress.Parse(address));

        if (range is null)
        {
            named.Should().BeNull();
        }
        else
        {
            named.Should().Contain(range);
        }
    }

    [Fact]
    public void A_resellers_subscription_covers_its_sub_resellers_and_a_vendors_only_its_sell_out()
    {
        var reseller = Subscription();
        var vendor = Subscription() with { OwnerKind = AccountKind.Vendor, VendorName = "Dell", EventTypes = [EventTypes.SellOutReported] };
        WebhookEvent Event(string type, Guid[] resellers, string[] vendors) => new(Guid.NewGuid(), type, "/t", "s", Now, resellers, vendors, "{}");

        reseller.Wants(Event(EventTypes.ContractSigned, [Guid.NewGuid(), reseller.OwnerId], [])).Should().BeTrue("its sub-reseller's event");
        reseller.Wants(Event(EventTypes.ContractSigned, [Guid.NewGuid()], [])).Should().BeFalse("another reseller's event");
        (reseller with { EventTypes = [EventTypes.ContractEnded] }).Wants(Event(EventTypes.ContractSigned, [reseller.OwnerId], [])).Should().BeFalse();
        vendor.Wants(Event(EventTypes.SellOutReported, [Guid.NewGuid()], ["Dell", "HP"])).Should().BeTrue();
        vendor.Wants(Event(EventTypes.SellOutReported, [Guid.NewGuid()], ["HP"])).Should().BeFalse();
        (vendor with { EventTypes = [] }).Wants(Event(EventTypes.ContractSigned, [vendor.OwnerId], ["Dell"])).Should().BeFalse("vendors never get contracts");
    }

    private static Subscription Subscription() => new(Guid.NewGuid(), Guid.NewGuid(), AccountKind.Reseller, null, [], "https://x.example/", [], null,
        [new SigningSecret(Signer.NewSecret(), Now)], SubscriptionStatus.Active, null, Now, null, Now, "test");
}
