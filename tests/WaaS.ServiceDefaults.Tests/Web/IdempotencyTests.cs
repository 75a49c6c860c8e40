using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using WaaS.ServiceDefaults.Idempotency;
using WaaS.Testing;
using Xunit;

namespace WaaS.ServiceDefaults.Tests.Web;

/// <summary>Idempotency-Key on every write, by the middleware MapDefaultEndpoints puts in front of every endpoint.</summary>
public sealed class IdempotencyTests(WebHost host) : IClassFixture<WebHost>
{
    private readonly HttpClient _reseller = host.Client(As.Reseller());

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_answer_and_changes_nothing()
    {
        var marker = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(_reseller, $"/tallies?marker={marker}", new TallyRequest(3), key);
        using var second = await PostAsync(_reseller, $"/tallies?marker={marker}", new TallyRequest(3), key);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        first.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).Should().BeFalse();
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        second.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Should().Equal("true");
        second.Headers.Location.Should().Be(first.Headers.Location);
        second.Headers.ETag.Should().Be(first.Headers.ETag);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        host.Runs[marker].Should().Be(1, "the replay did not run the endpoint again");
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_path_is_422_IdempotencyKeyReused()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(_reseller, "/tallies?marker=reuse", new TallyRequest(1), key);
        first.StatusCode.Should().Be(HttpStatusCode.Created);

        using var otherBody = await PostAsync(_reseller, "/tallies?marker=reuse", new TallyRequest(2), key);
        using var otherPath = await PostAsync(_reseller, "/refusals?marker=reuse", new TallyRequest(1), key);

        await Answers.ExpectAsync(otherBody, HttpStatusCode.UnprocessableEntity, "IdempotencyKeyReused");
        await Answers.ExpectAsync(otherPath, HttpStatusCode.UnprocessableEntity, "IdempotencyKeyReused");
    }

    [Fact]
    public async Task Keys_are_scoped_per_client_and_tenant()
    {
        var marker = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();
        var reseller = As.Reseller();
        // The same client acting for another tenant, and another client of the same tenant.
        var otherTenant = As.Reseller() with { ClientId = reseller.ClientId };
        var otherClient = reseller with { ClientId = "another-client" };

        using var first = await PostAsync(host.Client(reseller), $"/tallies?marker={marker}", new TallyRequest(1), key);
        using var second = await PostAsync(host.Client(otherTenant), $"/tallies?marker={marker}", new TallyRequest(1), key);
        using var third = await PostAsync(host.Client(otherClient), $"/tallies?marker={marker}", new TallyRequest(1), key);

        new[] { first, second, third }.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains(IdempotencyMiddleware.ReplayedHeader));
        new[] { first, second, third }.Select(r => r.Headers.Location).Distinct().Should().HaveCount(3);
        host.Runs[marker].Should().Be(3);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("schlüssel")]
    [InlineData("tab\there")]
    [InlineData("256")]
    public async Task A_malformed_key_is_400_naming_the_header(string key)
    {
        var value = key == "256" ? new string('k', 256) : key;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tallies?marker=malformed") { Content = JsonContent.Create(new TallyRequest(1)) };
        request.Headers.TryAddWithoutValidation(IdempotencyMiddleware.Header, value);

        using var response = await _reseller.SendAsync(request);

        var problem = await Answers.ExpectAsync(response, HttpStatusCode.BadRequest);
        problem["errors"]![IdempotencyMiddleware.Header]![0]!["rule"]!.GetValue<string>().Should().Be("IdempotencyKeyFormat");
        host.Runs.ContainsKey("malformed").Should().BeFalse();
    }

    [Fact]
    public async Task Writes_without_a_key_run_every_time()
    {
        var marker = Guid.NewGuid().ToString();

        using var first = await _reseller.PostAsJsonAsync($"/tallies?marker={marker}", new TallyRequest(1));
        using var second = await _reseller.PostAsJsonAsync($"/tallies?marker={marker}", new TallyRequest(1));

        first.Headers.Location.Should().NotBe(second.Headers.Location);
        host.Runs[marker].Should().Be(2);
    }

    [Fact]
    public async Task A_refusal_is_kept_and_replayed()
    {
        var marker = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(_reseller, $"/refusals?marker={marker}", new { }, key);
        using var second = await PostAsync(_reseller, $"/refusals?marker={marker}", new { }, key);

        await Answers.ExpectAsync(first, HttpStatusCode.UnprocessableEntity, "TallyClosed");
        await Answers.ExpectAsync(second, HttpStatusCode.UnprocessableEntity, "TallyClosed");
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        second.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).Should().BeTrue();
        host.Runs[marker].Should().Be(1);
    }

    [Fact]
    public async Task A_server_error_is_not_kept_so_the_retry_runs_again()
    {
        var marker = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(_reseller, $"/flaky?marker={marker}", new { }, key);
        using var retry = await PostAsync(_reseller, $"/flaky?marker={marker}", new { }, key);
        using var again = await PostAsync(_reseller, $"/flaky?marker={marker}", new { }, key);

        first.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.Headers.Contains(IdempotencyMiddleware.ReplayedHeader).Should().BeFalse();
        again.Headers.GetValues(IdempotencyMiddleware.ReplayedHeader).Should().Equal("true");
        host.Runs[marker].Should().Be(2);
    }

    [Fact]
    public async Task A_second_request_while_the_first_runs_is_409_IdempotencyKeyInFlight_with_Retry_After()
    {
        var marker = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();
        host.Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = PostAsync(_reseller, $"/hold?marker={marker}", new { }, key);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Runs.ContainsKey(marker)), "the first request runs");
        using var second = await PostAsync(_reseller, $"/hold?marker={marker}", new { }, key);
        host.Gate.SetResult();
        using var firstAnswer = await first;

        await Answers.ExpectAsync(second, HttpStatusCode.Conflict, "IdempotencyKeyInFlight");
        second.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        firstAnswer.StatusCode.Should().Be(HttpStatusCode.Created);
        host.Runs[marker].Should().Be(1);
    }

    [Fact]
    public async Task A_key_left_pending_by_a_request_that_wrote_nothing_is_taken_over_after_30_seconds_and_runs()
    {
        var marker = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();
        host.Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = PostAsync(_reseller, $"/hold?marker={marker}", new { }, key);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Runs.ContainsKey(marker)), "the first request runs");

        host.Clock.Advance(IdempotencyStore.TakeOverAfter + TimeSpan.FromSeconds(1));
        var retry = PostAsync(_reseller, $"/hold?marker={marker}", new { }, key);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Runs[marker] == 2), "the retry runs");
        host.Gate.SetResult();
        using var retried = await retry;
        using var _ = await stuck;
        using var replay = await PostAsync(_reseller, $"/hold?marker={marker}", new { }, key);

        retried.StatusCode.Should().Be(HttpStatusCode.Created);
        replay.Headers.Location.Should().Be(retried.Headers.Location, "the answer kept is the one of the request holding the key");
    }

    [Fact]
    public async Task A_key_whose_writes_committed_but_whose_answer_was_lost_is_never_run_again()
    {
        var marker = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();
        host.Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        // The process "dies" after its commit: the request hangs past the take-over time.
        var stuck = PostAsync(_reseller, $"/hold?marker={marker}&commitFirst=true", new { }, key);
        await Eventually.HoldsAsync(() => Task.FromResult(host.Runs.ContainsKey(marker)), "the first request runs");
        await Eventually.HoldsAsync(async () => await CommittedAsync(key), "the first request's writes committed");

        host.Clock.Advance(IdempotencyStore.TakeOverAfter + TimeSpan.FromSeconds(1));
        using var retry = await PostAsync(_reseller, $"/hold?marker={marker}&commitFirst=true", new { }, key);
        using var again = await PostAsync(_reseller, $"/hold?marker={marker}&commitFirst=true", new { }, key);
        host.Gate.SetResult();
        using var _ = await stuck;

        await Answers.ExpectAsync(retry, HttpStatusCode.Conflict, "IdempotencyKeyAnswerLost");
        await Answers.ExpectAsync(again, HttpStatusCode.Conflict, "IdempotencyKeyAnswerLost");
        host.Runs[marker].Should().Be(1);
    }

    [Fact]
    public async Task A_request_that_broke_after_its_commit_is_not_run_again()
    {
        var marker = Guid.NewGuid().ToString();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(_reseller, $"/commit-then-fail?marker={marker}", new { }, key);
        using var retry = await PostAsync(_reseller, $"/commit-then-fail?marker={marker}", new { }, key);

        first.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        await Answers.ExpectAsync(retry, HttpStatusCode.Conflict, "IdempotencyKeyAnswerLost");
        host.Runs[marker].Should().Be(1);
    }

    [Fact]
    public async Task Keys_are_kept_48_hours_then_pruned()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(_reseller, "/tallies?marker=prune", new TallyRequest(1), key);
        var pruner = host.App.Services.GetRequiredService<IdempotencyPruner>();

        host.Clock.Advance(TimeSpan.FromHours(47));
        await pruner.PruneAsync(CancellationToken.None);
        (await KeyExistsAsync(key)).Should().BeTrue("a key lives at least 24 hours");

        host.Clock.Advance(TimeSpan.FromHours(2));
        (await pruner.PruneAsync(CancellationToken.None)).Should().BeGreaterThan(0);
        (await KeyExistsAsync(key)).Should().BeFalse();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyMiddleware.Header, key);
        return await client.SendAsync(request);
    }

    private async Task<bool> CommittedAsync(string key) => await ScalarAsync<bool?>($"select committed from {host.Schema}.waas_idempotency where key = $1", key) == true;

    private async Task<bool> KeyExistsAsync(string key) => await ScalarAsync<long>($"select count(*) from {host.Schema}.waas_idempotency where key = $1", key) == 1;

    private static async Task<T> ScalarAsync<T>(string sql, string key)
    {
        await using var dataSource = Hosting.DefaultsHost.Database();
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(key);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }
}
