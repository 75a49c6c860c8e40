using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FluentAssertions;
using StandardWebhooks;
using Xunit;

namespace WaaS.EndToEnd.Tests;

/// <summary>
/// An integration partner subscribes through the gateway with its own token and receives a real deal's events, signed;
/// a vendor receives its own sell-out lines only.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class WebhookTests(WaaSSystem system)
{
    [Fact]
    public async Task A_partner_and_a_vendor_subscribe_themselves_and_receive_a_deals_events_signed()
    {
        using var receiver = LoopbackReceiver.Start();
        var partner = system.Client("partner-crm");
        var dell = system.Client("vendor-dell");
        var partnerCreated = await Created(await partner.PostAsJsonAsync("webhooks/subscriptions", new { url = receiver.Url("partner") }));
        var dellCreated = await Created(await dell.PostAsJsonAsync("webhooks/subscriptions", new { url = receiver.Url("dell") }));
        var catalogue = JsonNode.Parse(await partner.GetStringAsync("webhooks/catalogue/asyncapi.json"))!;
        catalogue["asyncapi"]!.GetValue<string>().Should().Be("3.0.0");
        try
        {
            var deals = new DealDriver(system);
            var (_, contract) = await new LifecycleDriver(system, deals).ActiveContractAsync(12, ("NB-LAT-5450", 1));
            var contractId = contract["id"]!.GetValue<string>();

            string[] expected = ["contract.signed.v1", "contract.activated.v1", "sellout.reported.v1"];
            await Until(() => expected.All(t => receiver.Of("partner", contractId).Any(r => r.Type == t)), "the partner did not get the deal's events");
            await Until(() => receiver.Of("dell", contractId).Any(), "Dell did not get its sell-out");

            var secret = partnerCreated["secret"]!.GetValue<string>();
            foreach (var r in receiver.Of("partner", contractId))
            {
                r.Signature.Split(' ').Should().Contain(new StandardWebhook(secret).Sign(r.Id, DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Timestamp)), r.Body));
                r.Event["id"]!.GetValue<string>().Should().Be(r.Id);
            }
            var activated = receiver.Of("partner", contractId).First(r => r.Type == "contract.activated.v1").Event["data"]!;
            activated["resellerId"]!.GetValue<Guid>().Should().Be(system.ResellerId);
            activated["items"]!.AsArray().Should().NotBeEmpty();
            activated["devices"]!.AsArray().Should().NotBeEmpty();
            var dellSellOut = receiver.Of("dell", contractId).Should().ContainSingle().Subject;
            dellSellOut.Type.Should().Be("sellout.reported.v1");
            dellSellOut.Event["data"]!["lines"]!.AsArray().Select(l => l!["vendor"]!.GetValue<string>()).Should().OnlyContain(v => v == "Dell").And.NotBeEmpty();
            receiver.Of("dell", contractId).Should().NotContain(r => r.Type.StartsWith("contract.", StringComparison.Ordinal));

            var attempts = JsonNode.Parse(await partner.GetStringAsync($"webhooks/subscriptions/{partnerCreated["subscription"]!["id"]}/attempts"))!;
            attempts["items"]!.AsArray().Should().Contain(a => a!["outcome"]!.GetValue<string>() == "Delivered");
        }
        finally
        {
            // Later tests' deals are none of this receiver's business.
            await partner.DeleteAsync($"webhooks/subscriptions/{partnerCreated["subscription"]!["id"]}");
            await dell.DeleteAsync($"webhooks/subscriptions/{dellCreated["subscription"]!["id"]}");
        }
    }

    private static async Task<JsonNode> Created(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!;
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, what);
            await Task.Delay(100);
        }
    }

    /// <summary>A partner's HTTP endpoint on loopback (one path per partner), answering 200 and keeping what arrived.</summary>
    private sealed class LoopbackReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, Delivery Delivery)> _received = new();
        private readonly int _port;

        private LoopbackReceiver(int port)
        {
            _port = port;
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public static LoopbackReceiver Start()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new LoopbackReceiver(port);
        }

        public string Url(string path) => $"http://127.0.0.1:{_port}/{path}";

        public IReadOnlyList<Delivery> Of(string path, string contractId) =>
            [.. _received.Where(r => r.Path == path && r.Delivery.Event["subject"]?.GetValue<string>() == contractId).Select(r => r.Delivery)];

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync();
                _received.Enqueue((context.Request.Url!.AbsolutePath.Trim('/'), new Delivery(context.Request.Headers["webhook-id"] ?? "",
                    context.Request.Headers["webhook-timestamp"] ?? "", context.Request.Headers["webhook-signature"] ?? "", body)));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }

    private sealed record Delivery(string Id, string Timestamp, string Signature, string Body)
    {
        public JsonNode Event { get; } = JsonNode.Parse(Body)!;

        public string Type => Event["type"]!.GetValue<string>();
    }
}
