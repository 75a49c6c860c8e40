using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using StandardWebhooks;
using WaaS.Testing;
using WaaS.Webhooks.Events;
using Xunit;

namespace WaaS.Webhooks.Tests.Api;

/// <summary>Self-service: tenant scoping, vendors, replay, secret rotation, pause, delete and who may do what.</summary>
[Collection(WebhooksApiCollection.Name)]
public sealed class SubscriptionApiTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task Reseller_Bs_subscription_never_receives_As_events_nor_sees_As_subscription()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var urlA = api.Receiver.Endpoint();
        var urlB = api.Receiver.Endpoint();
        var (subA, _) = await api.SubscribeAsync(As.PartnerOf(a), urlA);
        var (subB, _) = await api.SubscribeAsync(As.Reseller(b), urlB);

        await api.PublishAsync(Messages.Signed(a));
        await api.PublishAsync(Messages.Activated(a));
        await api.PublishAsync(Messages.SellOut(a));
        await api.PublishAsync(Messages.Signed(b));

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.ProcessedAt(urlA).Count == 3 && api.Receiver.ProcessedAt(urlB).Count == 1), "not delivered");
        api.Receiver.ProcessedAt(urlB).Single().Data.Get<Guid>("resellerId").Should().Be(b);
        api.Receiver.ProcessedAt(urlA).Select(r => r.Data.Get<Guid>("resellerId")).Should().AllBeEquivalentTo(a);
        var bClient = api.CreateClient(As.PartnerOf(b));
        foreach (var path in new[] { $"/subscriptions/{subA}", $"/subscriptions/{subA}/attempts", $"/subscriptions/{subA}/deliveries" })
        {
            await bClient.GetAsync(path).ExpectAsync(HttpStatusCode.NotFound);
        }
        await bClient.PostAsync($"/subscriptions/{subA}/pause", null).ExpectAsync(HttpStatusCode.NotFound);
        await bClient.DeleteAsync($"/subscriptions/{subA}").ExpectAsync(HttpStatusCode.NotFound);
        await bClient.PostAsJsonAsync($"/subscriptions/{subA}/replay", new { from = DateTimeOffset.UtcNow.AddDays(-1), to = DateTimeOffset.UtcNow.AddDays(1) })
            .ExpectAsync(HttpStatusCode.NotFound);
        (await bClient.GetAsync("/subscriptions").ExpectAsync(HttpStatusCode.OK)).AsArray().Should().ContainSingle()
            .Which!.Get<Guid>("id").Should().Be(subB);
        (await api.CreateClient(As.Operations).GetAsync($"/subscriptions/{subA}").ExpectAsync(HttpStatusCode.OK)).Get<Guid>("ownerId").Should().Be(a,
            "operations reads every subscription to support partners");
    }

    [Fact]
    public async Task A_sub_reseller_created_after_the_subscription_is_covered_by_its_parents_subscription()
    {
        var parent = Guid.NewGuid();
        var url = api.Receiver.Endpoint();
        await api.SubscribeAsync(As.PartnerOf(parent), url);
        var sub = Guid.NewGuid();
        await api.PublishAsync(Messages.Reseller(parent), WebhooksApi.AccountsQueue);
        await api.PublishAsync(Messages.Reseller(sub, parent), WebhooksApi.AccountsQueue);

        await api.PublishAsync(Messages.Signed(sub));

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.ProcessedAt(url).Count == 1), "the parent's partner did not get its sub-reseller's event");
        api.Receiver.ProcessedAt(url)[0].Data.Get<Guid>("resellerId").Should().Be(sub);
    }

    [Fact]
    public async Task A_vendor_receives_only_its_own_sell_out_lines_and_may_not_subscribe_to_contracts()
    {
        var reseller = Guid.NewGuid();
        var dell = As.Vendor("Dell");
        var url = api.Receiver.Endpoint();
        var refused = await api.CreateClient(dell).PostAsJsonAsync("/subscriptions", new { url, eventTypes = new[] { EventTypes.ContractSigned } })
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Http.Rules(refused).Should().Contain(("eventTypes", "EventTypeNotForParty"));
        await api.SubscribeAsync(dell, url);
        var lenovoUrl = api.Receiver.Endpoint();
        await api.SubscribeAsync(As.Vendor("Lenovo"), lenovoUrl);

        await api.PublishAsync(Messages.Signed(reseller));
        var contract = Messages.SellOut(reseller);
        await api.PublishAsync(contract);

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.ProcessedAt(url).Count == 1), "Dell got no sell-out");
        var received = api.Receiver.ProcessedAt(url)[0];
        received.Type.Should().Be(EventTypes.SellOutReported);
        received.Data.Get<Guid>("contractId").Should().Be(contract.ContractId);
        received.Data["lines"]!.AsArray().Select(l => l!.Get<string>("vendor")).Should().Equal("Dell");
        received.Data.Get<string>("lines.0.serialNumbers.1").Should().Be("DL-002");
        received.Body.Should().NotContain("Microsoft", "Dell sees only its own lines");
        await Task.Delay(300);
        api.Receiver.At(lenovoUrl).Should().BeEmpty("the deal sold no Lenovo products");
    }

    [Fact]
    public async Task Replay_by_range_resends_the_events_of_that_range_with_their_ids()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var url = api.Receiver.Endpoint();
        var (subscription, _) = await api.SubscribeAsync(partner, url);
        var t0 = new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
        var first = await api.PublishAsync(Messages.Signed(reseller, at: t0));
        var second = await api.PublishAsync(Messages.Signed(reseller, at: t0.AddHours(1)));
        var third = await api.PublishAsync(Messages.Signed(reseller, at: t0.AddHours(5)));
        await api.PublishAsync(Messages.Signed(Guid.NewGuid(), at: t0.AddHours(1)));
        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.At(url).Count == 3), "not delivered");

        var replay = await api.CreateClient(partner).PostAsJsonAsync($"/subscriptions/{subscription}/replay", new { from = t0, to = t0.AddHours(2) })
            .ExpectAsync(HttpStatusCode.Accepted);

        replay.Get<int>("queued").Should().Be(2);
        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.At(url).Count == 5), "not replayed");
        api.Receiver.At(url).Skip(3).Select(r => r.Id).Should().Equal(first.ToString(), second.ToString());
        api.Receiver.ProcessedAt(url).Select(r => r.Id).Should().Equal([first.ToString(), second.ToString(), third.ToString()],
            "the partner deduplicates the replayed events by webhook-id");

        var one = await api.CreateClient(partner).PostAsJsonAsync($"/subscriptions/{subscription}/replay", new { eventId = third }).ExpectAsync(HttpStatusCode.Accepted);
        one.Get<int>("queued").Should().Be(1);
        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.At(url).Count == 6), "not replayed");
        api.Receiver.At(url)[5].Id.Should().Be(third.ToString());
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_sign_until_the_overlap_ends()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var url = api.Receiver.Endpoint();
        var (subscription, oldSecret) = await api.SubscribeAsync(partner, url);
        var rotated = await api.CreateClient(partner).PostAsJsonAsync($"/subscriptions/{subscription}/secret/rotate", new { overlapHours = 2 })
            .ExpectAsync(HttpStatusCode.OK);
        var newSecret = rotated.Get<string>("secret");
        newSecret.Should().StartWith("whsec_").And.NotBe(oldSecret);

        await api.PublishAsync(Messages.Signed(reseller));
        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.At(url).Count == 1), "not delivered");
        var during = api.Receiver.At(url)[0];
        Verifies(oldSecret, during).Should().BeTrue("the old secret stays valid during the overlap");
        Verifies(newSecret, during).Should().BeTrue();

        api.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await api.PublishAsync(Messages.Signed(reseller));
        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.At(url).Count == 2), "not delivered");
        var after = api.Receiver.At(url)[1];
        Verifies(newSecret, after).Should().BeTrue();
        Verifies(oldSecret, after).Should().BeFalse("the overlap ended");
        after.Signature.Split(' ').Should().ContainSingle();
        during.Signature.Split(' ').Distinct().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_paused_subscription_queues_and_delivers_on_resume_and_a_deleted_one_gets_nothing()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var client = api.CreateClient(partner);
        var url = api.Receiver.Endpoint();
        var (subscription, _) = await api.SubscribeAsync(partner, url);

        (await client.PostAsync($"/subscriptions/{subscription}/pause", null).ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Paused");
        await api.PublishAsync(Messages.Signed(reseller));
        await Task.Delay(300);
        api.Receiver.At(url).Should().BeEmpty();
        await client.PostAsync($"/subscriptions/{subscription}/resume", null).ExpectAsync(HttpStatusCode.OK);
        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.At(url).Count == 1), "not delivered on resume");

        await client.DeleteAsync($"/subscriptions/{subscription}").ExpectAsync(HttpStatusCode.NoContent);
        await api.PublishAsync(Messages.Signed(reseller));
        await Task.Delay(300);
        api.Receiver.At(url).Should().HaveCount(1);
        await client.GetAsync($"/subscriptions/{subscription}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_subscriptions_are_refused_naming_field_and_rule()
    {
        var client = api.CreateClient(As.PartnerOf(Guid.NewGuid()));

        Http.Rules(await client.PostAsJsonAsync("/subscriptions", new { url = "ftp://x.example/hook" }).ExpectAsync(HttpStatusCode.BadRequest))
            .Should().Contain(("url", "TargetUrlFormat"));
        Http.Rules(await client.PostAsJsonAsync("/subscriptions", new { url = "https://user:pw@x.example/hook" }).ExpectAsync(HttpStatusCode.BadRequest))
            .Should().Contain(("url", "TargetUrlFormat"));
        Http.Rules(await client.PostAsJsonAsync("/subscriptions", new { url = "https://x.example/hook", eventTypes = new[] { "contract.signed.v9" } })
            .ExpectAsync(HttpStatusCode.BadRequest)).Should().Contain(("eventTypes", "UnknownEventType"));
        var created = await client.PostAsJsonAsync("/subscriptions", new { url = "https://x.example/hook" }).ExpectAsync(HttpStatusCode.Created);
        Http.Rules(await client.PostAsJsonAsync($"/subscriptions/{created.Get<Guid>("subscription.id")}/replay", new { }).ExpectAsync(HttpStatusCode.BadRequest))
            .Should().Contain(("eventId", "ReplayScope"));
        (await client.GetAsync($"/subscriptions/{created.Get<Guid>("subscription.id")}").ExpectAsync(HttpStatusCode.OK)).ToJsonString()
            .Should().NotContain(created.Get<string>("secret"), "the secret is shown once");
    }

    [Fact]
    public async Task Operations_read_but_do_not_subscribe_and_customers_have_no_webhooks()
    {
        await api.CreateClient(As.Operations).PostAsJsonAsync("/subscriptions", new { url = "https://x.example/hook" }).ExpectAsync(HttpStatusCode.Forbidden);
        await api.CreateClient(As.Customer()).GetAsync("/subscriptions").ExpectAsync(HttpStatusCode.Forbidden);
        await api.CreateClient(As.Operations).GetAsync("/subscriptions").ExpectAsync(HttpStatusCode.OK);
        await api.CreateClient().GetAsync("/subscriptions").ExpectAsync(HttpStatusCode.Unauthorized);
    }

    private static bool Verifies(string secret, Received r) =>
        r.Signature.Split(' ').Contains(new StandardWebhook(secret).Sign(r.Id, DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Timestamp)), r.Body));
}
