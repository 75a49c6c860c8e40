using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using StandardWebhooks;
using WaaS.Testing;
using WaaS.Webhooks.Events;
using Xunit;

namespace WaaS.Webhooks.Tests.Api;

/// <summary>Signed deliveries to a real receiver: signature, retries, backoff over a day, isolation, disabling.</summary>
[Collection(WebhooksApiCollection.Name)]
public sealed class DeliveryApiTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [Fact]
    public async Task A_delivery_is_a_cloud_event_signed_with_the_subscriptions_secret()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var url = api.Receiver.Endpoint();
        var (_, secret) = await api.SubscribeAsync(partner, url);
        var contract = Messages.Activated(reseller);

        var eventId = await api.PublishAsync(contract);

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.At(url).Count == 1), "no delivery");
        var received = api.Receiver.At(url).Single();
        received.Id.Should().Be(eventId.ToString(), "webhook-id is the event id");
        received.ContentType.Should().StartWith("application/cloudevents+json");
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp));
        timestamp.Should().Be(DateTimeOffset.FromUnixTimeSeconds(api.Clock.GetUtcNow().ToUnixTimeSeconds()));
        // The Standard Webhooks library's own signature of what arrived, with the secret shown at subscription.
        var expected = new StandardWebhook(secret).Sign(received.Id, timestamp, received.Body);
        received.Signature.Split(' ').Should().Contain(expected);
        new StandardWebhook(WaaS.Webhooks.Delivery.Signer.NewSecret()).Sign(received.Id, timestamp, received.Body).Should().NotBe(expected);

        var e = received.Event;
        e["specversion"]!.GetValue<string>().Should().Be("1.0");
        e["id"]!.GetValue<string>().Should().Be(eventId.ToString());
        e["type"]!.GetValue<string>().Should().Be(EventTypes.ContractActivated);
        e["subject"]!.GetValue<string>().Should().Be(contract.ContractId.ToString());
        var data = received.Data;
        data.Get<Guid>("resellerId").Should().Be(reseller);
        data.Get<string>("startDate").Should().Be("2026-03-02");
        data.Get<string>("endDate").Should().Be("2029-03-01");
        data.Get<decimal>("monthly.gross").Should().Be(94.38m);
        data.Get<string>("items.0.sku").Should().Be("NB-LAT-5450");
        data.Get<int>("items.0.quantity").Should().Be(2);
        data.Get<string>("devices.1.serialNumber").Should().Be("DL-002");
    }

    [Fact]
    public async Task After_a_500_and_a_timeout_the_event_arrives_once_processed_under_one_id()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var url = api.Receiver.Endpoint((_, n) => n switch
        {
            1 => new Answer(500, Body: "database down"),
            2 => new Answer(200, Delay: TimeSpan.FromSeconds(4)),
            _ => new Answer(200),
        });
        var (subscription, _) = await api.SubscribeAsync(partner, url);

        var eventId = await api.PublishAsync(Messages.Signed(reseller));

        for (var n = 1; n <= 3; n++)
        {
            var count = n;
            await Eventually.HoldsAsync(async () => (await api.AttemptsAsync(partner, subscription)).AsArray().Count == count, $"attempt {count} was not logged");
            if (n < 3)
            {
                (await api.AdvanceToNextAttemptAsync(partner, subscription)).Should().BeTrue("the delivery is still pending after a failure");
            }
        }
        api.Receiver.At(url).Select(r => r.Id).Should().Equal(Enumerable.Repeat(eventId.ToString(), 3), "every retry carries the same webhook-id");
        api.Receiver.ProcessedAt(url).Should().ContainSingle("the partner processes the event once");
        var attempts = (await api.AttemptsAsync(partner, subscription)).AsArray().Reverse().ToArray();
        attempts[0]!.Get<int>("statusCode").Should().Be(500);
        attempts[0]!.Get<string>("responseExcerpt").Should().Be("database down");
        attempts[0]!.Get<string>("outcome").Should().Be("Failed");
        attempts[1]!["statusCode"].Should().BeNull();
        attempts[1]!.Get<string>("error").Should().StartWith("Timeout");
        attempts[1]!.Get<int>("latencyMs").Should().BeInRange(1400, 3900);
        attempts[2]!.Get<int>("statusCode").Should().Be(200);
        attempts[2]!.Get<string>("outcome").Should().Be("Delivered");
        var deliveries = await api.CreateClient(partner).GetAsync($"/subscriptions/{subscription}/deliveries").ExpectAsync(HttpStatusCode.OK);
        deliveries.Get<int>("pending").Should().Be(0);
        deliveries.Get<string>("items.0.state").Should().Be("delivered");
    }

    [Fact]
    public async Task Retries_back_off_for_more_than_a_day_honouring_Retry_After_until_the_partner_is_back()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var downUntil = api.Clock.GetUtcNow().AddHours(25);
        var url = api.Receiver.Endpoint((_, n) => api.Clock.GetUtcNow() < downUntil
            ? new Answer(n == 1 ? 429 : 503, RetryAfter: n == 1 ? "600" : null)
            : new Answer(204));
        var (subscription, _) = await api.SubscribeAsync(partner, url);
        var started = api.Clock.GetUtcNow();

        var eventId = await api.PublishAsync(Messages.Signed(reseller));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var n = 1; ; n++)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the retries should reach the partner's return within a minute of real time");
            await api.AttemptLoggedAsync(partner, subscription, url, n);
            if (api.Receiver.ProcessedAt(url).Count > 0)
            {
                break;
            }
            await api.AdvanceToNextAttemptAsync(partner, subscription);
        }

        var attempts = (await api.AttemptsAsync(partner, subscription)).AsArray().Reverse().Select(a => a!).ToArray();
        var times = attempts.Select(a => a.Get<DateTimeOffset>("attemptedAt")).ToArray();
        (times[^1] - started).Should().BeGreaterThan(TimeSpan.FromHours(24), "it kept trying for more than a day");
        (times[1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(600), "Retry-After: 600 was honoured");
        attempts.Length.Should().BeInRange(8, 30, "exponential backoff, not a retry every poll");
        // After the Retry-After wait, each wait is about double the one before (±20 % jitter) until the 6 h cap.
        for (var i = 3; i < Math.Min(times.Length - 1, 10); i++)
        {
            (times[i] - times[i - 1]).Should().BeGreaterThan(times[i - 1] - times[i - 2], "the waits grow");
        }
        api.Receiver.At(url).Select(r => r.Id).Distinct().Should().Equal(eventId.ToString());
        var view = await api.CreateClient(partner).GetAsync($"/subscriptions/{subscription}").ExpectAsync(HttpStatusCode.OK);
        view.Get<string>("status").Should().Be("Active");
        view["failingSince"].Should().BeNull("the partner is back; attempts {0}; deliveries {1}", (await api.AttemptsAsync(partner, subscription)).ToJsonString(),
            (await api.CreateClient(partner).GetAsync($"/subscriptions/{subscription}/deliveries").ExpectAsync(HttpStatusCode.OK)).ToJsonString());
    }

    [Fact]
    public async Task A_slow_partner_does_not_delay_another()
    {
        var slowReseller = Guid.NewGuid();
        var fastReseller = Guid.NewGuid();
        var slowUrl = api.Receiver.Endpoint((_, _) => new Answer(200, Delay: TimeSpan.FromSeconds(30)));
        var fastUrl = api.Receiver.Endpoint();
        await api.SubscribeAsync(As.PartnerOf(slowReseller), slowUrl);
        await api.SubscribeAsync(As.PartnerOf(fastReseller), fastUrl);
        for (var i = 0; i < 5; i++)
        {
            await api.PublishAsync(Messages.Signed(slowReseller));
        }
        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.At(slowUrl).Count == 1), "the slow partner got nothing");
        var slowStarted = api.Receiver.At(slowUrl)[0].At;

        await api.PublishAsync(Messages.Signed(fastReseller));

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.ProcessedAt(fastUrl).Count == 1), "the fast partner got nothing", TimeSpan.FromSeconds(5));
        api.Receiver.At(slowUrl).Should().HaveCount(1, "the slow partner holds one delivery at a time; its queue waits behind it");
        (api.Receiver.ProcessedAt(fastUrl)[0].At - slowStarted).Should().BeLessThan(TimeSpan.FromSeconds(1.5),
            "the fast partner was served while the slow one was still within its timeout");
    }

    [Fact]
    public async Task A_410_disables_the_subscription_and_the_owner_sees_why_and_resumes_it()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var gone = true;
        var url = api.Receiver.Endpoint((_, _) => gone ? new Answer(410) : new Answer(200));
        var (subscription, _) = await api.SubscribeAsync(partner, url);
        var client = api.CreateClient(partner);

        await api.PublishAsync(Messages.Signed(reseller));
        var disabled = await Eventually.GetAsync(client, $"/subscriptions/{subscription}", s => s.Get<string>("status") == "Disabled", "not disabled");
        disabled.Get<string>("statusReason").Should().StartWith("ReceiverGone");
        await api.PublishAsync(Messages.Signed(reseller));
        await Task.Delay(300);
        api.Receiver.At(url).Should().HaveCount(1, "nothing goes to a disabled subscription");

        gone = false;
        await client.PostAsync($"/subscriptions/{subscription}/resume", null).ExpectAsync(HttpStatusCode.OK);

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.ProcessedAt(url).Count == 2), "the queued events were not delivered on resume");
    }

    [Fact]
    public async Task A_partner_failing_for_days_is_disabled_and_told_why_and_nothing_is_lost()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var up = false;
        var url = api.Receiver.Endpoint((_, _) => up ? new Answer(200) : new Answer(502));
        var (subscription, _) = await api.SubscribeAsync(partner, url);
        var client = api.CreateClient(partner);
        await api.PublishAsync(Messages.Signed(reseller));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        for (var n = 1; ; n++)
        {
            DateTime.UtcNow.Should().BeBefore(deadline);
            await api.AttemptLoggedAsync(partner, subscription, url, n);
            if ((await client.GetAsync($"/subscriptions/{subscription}").ExpectAsync(HttpStatusCode.OK)).Get<string>("status") != "Active")
            {
                break;
            }
            await api.PublishAsync(Messages.Signed(reseller));
            await api.AdvanceToNextAttemptAsync(partner, subscription);
        }

        var view = await client.GetAsync($"/subscriptions/{subscription}").ExpectAsync(HttpStatusCode.OK);
        view.Get<string>("statusReason").Should().StartWith("FailingForDays");
        (api.Clock.GetUtcNow() - view.Get<DateTimeOffset>("failingSince")).Should().BeGreaterThanOrEqualTo(TimeSpan.FromHours(72));
        var queued = (await client.GetAsync($"/subscriptions/{subscription}/deliveries").ExpectAsync(HttpStatusCode.OK)).Get<int>("pending");
        queued.Should().BeGreaterThan(5, "events kept queueing while the partner was down");

        up = true;
        await client.PostAsync($"/subscriptions/{subscription}/resume", null).ExpectAsync(HttpStatusCode.OK);

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.ProcessedAt(url).Count == queued), "the backlog was not delivered after the resume");
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_only_the_first_bytes_of_a_large_answer_are_read()
    {
        var reseller = Guid.NewGuid();
        var partner = As.PartnerOf(reseller);
        var elsewhere = api.Receiver.Endpoint();
        var url = api.Receiver.Endpoint((_, n) => n == 1
            ? new Answer(307, Body: "moved") with { Location = elsewhere }
            : new Answer(200, Body: new string('x', 5_000_000)));
        var (subscription, _) = await api.SubscribeAsync(partner, url);

        await api.PublishAsync(Messages.Signed(reseller));
        await api.AttemptLoggedAsync(partner, subscription, url, 1);
        await api.AdvanceToNextAttemptAsync(partner, subscription);
        await api.AttemptLoggedAsync(partner, subscription, url, 2);

        api.Receiver.At(elsewhere).Should().BeEmpty("redirects are never followed");
        var attempts = (await api.AttemptsAsync(partner, subscription)).AsArray().Reverse().ToArray();
        attempts[0]!.Get<int>("statusCode").Should().Be(307);
        attempts[0]!.Get<string>("outcome").Should().Be("Failed");
        attempts[0]!.Get<string>("error").Should().Contain("not followed");
        attempts[1]!.Get<string>("outcome").Should().Be("Delivered");
        attempts[1]!.Get<string>("responseExcerpt").Should().HaveLength(1024, "only the first KiB of the 5 MB answer is read and kept");
    }

    [Fact]
    public async Task A_ping_reaches_the_partner_signed_like_any_event()
    {
        var partner = As.PartnerOf(Guid.NewGuid());
        var url = api.Receiver.Endpoint();
        var (subscription, secret) = await api.SubscribeAsync(partner, url);

        var ping = await api.CreateClient(partner).PostAsync($"/subscriptions/{subscription}/ping", null).ExpectAsync(HttpStatusCode.Accepted);

        await Eventually.HoldsAsync(() => Task.FromResult(api.Receiver.ProcessedAt(url).Count == 1), "no ping");
        var received = api.Receiver.ProcessedAt(url)[0];
        received.Type.Should().Be(EventTypes.Ping);
        received.Id.Should().Be(ping.Get<string>("eventId"));
        received.Data.Get<Guid>("subscriptionId").Should().Be(subscription);
        received.Signature.Should().Contain(new StandardWebhook(secret).Sign(received.Id, DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp)), received.Body));
    }
}
