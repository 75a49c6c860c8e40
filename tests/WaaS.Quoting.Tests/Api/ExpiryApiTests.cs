using System.Net;
using FluentAssertions;
using Xunit;

using WaaS.Testing;

namespace WaaS.Quoting.Tests.Api;

/// <summary>Own fixture: moving its clock must not age other classes' quotes.</summary>
[Collection(QuotingApiCollection.Name)]
public sealed class ExpiryApiTests(QuotingApi api) : IClassFixture<QuotingApi>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = api.CreateClient(await api.SellingResellerAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_quote_past_its_validity_reads_as_expired_and_its_acceptance_is_refused_without_a_trace()
    {
        var id = (await _client.Post("/quotes", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created)).Get<Guid>("id");
        await _client.Post($"/quotes/{id}/send", new { to = "anna@voorbeeld.example" }).ExpectAsync(HttpStatusCode.OK);

        api.Clock.Advance(TimeSpan.FromDays(31));

        var refused = await _client.PostAsync($"/quotes/{id}/accept", null).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Http.Rules(refused).Should().Equal(("validUntil", "QuoteExpired"));
        var quote = await _client.GetAsync($"/quotes/{id}").ExpectAsync(HttpStatusCode.OK);
        quote.Get<string>("status").Should().Be("Expired");
        quote["contractId"].Should().BeNull();
        var expired = await _client.GetAsync($"/quotes?status=Expired").ExpectAsync(HttpStatusCode.OK);
        expired["items"]!.AsArray().Select(q => q!.Get<Guid>("id")).Should().Equal(id);
        (await _client.GetAsync($"/quotes?status=Sent").ExpectAsync(HttpStatusCode.OK)).Get<long>("total").Should().Be(0);

        // The reseller can renew the offer: a revision of the expired quote is a fresh draft, valid 30 days from now.
        var renewed = await _client.Post($"/quotes/{id}/revisions", Requests.TenSeats()).ExpectAsync(HttpStatusCode.Created);
        renewed.Get<string>("validUntil").Should().Be(api.Today.AddDays(30).ToString("yyyy-MM-dd"));
        (await _client.PostAsync($"/quotes/{renewed.Get<Guid>("id")}/accept", null).ExpectAsync(HttpStatusCode.OK)).Get<string>("status").Should().Be("Accepted");
    }
}
